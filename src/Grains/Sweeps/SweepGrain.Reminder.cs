using Idl.Grains.Contracts;

namespace Idl.Grains.Sweeps;

// The sweep's timer dies with its activation. A reminder outlives the silo: its next tick activates the sweep on a
// surviving silo, and activation re-attaches to the trials (OnActivateAsync), so a sweep whose silo died goes on
// without any client polling it — the same rule as the training coordinator's.
public sealed partial class SweepGrain : IRemindable
{
    private const string ResumeReminder = "resume";

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ResumeReminder) return;
        if (S.State == SweepRunState.Running)
        {
            if (_timer is null) StartTimer();
            return;
        }
        // Finished or cancelled: removed lazily here rather than on every path that ends a sweep.
        if (await this.GetReminder(ResumeReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    private async Task EnsureResumeReminderAsync() =>
        await this.RegisterOrUpdateReminder(ResumeReminder, options.Value.ResumeCheckPeriod, options.Value.ResumeCheckPeriod);
}
