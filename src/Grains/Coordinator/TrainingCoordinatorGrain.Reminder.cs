using Idl.Grains.Contracts;

namespace Idl.Grains.Coordinator;

// A grain timer dies with its activation: when the silo hosting a running coordinator dies, nothing would step the
// run until some caller touched it. A reminder outlives the silo; its next tick activates the coordinator
// elsewhere, and activation resumes a running run from its last checkpoint (OnActivateAsync).
public sealed partial class TrainingCoordinatorGrain : IRemindable
{
    private const string ResumeReminder = "resume";

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ResumeReminder) return;
        if (S.State == RunState.Running)
        {
            if (_timer is null) StartTimer();
            return;
        }
        // Finished, paused or failed: nothing to resume. Removed lazily here rather than on every path that ends a run.
        await StopResumeReminderAsync();
    }

    private async Task EnsureResumeReminderAsync() =>
        await this.RegisterOrUpdateReminder(ResumeReminder, _options.ResumeCheckPeriod, _options.ResumeCheckPeriod);

    private async Task StopResumeReminderAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }
}
