using System.Diagnostics;

namespace Idl.Numerics.Training;

/// <summary>Stopwatch ticks spent in each phase of the training steps of one epoch.</summary>
internal struct StepPhases
{
    private long _batch, _forward, _backward, _update, _project;

    public void Add(long batch, long forward, long backward, long update, long project)
    {
        _batch += batch;
        _forward += forward;
        _backward += backward;
        _update += update;
        _project += project;
    }

    public readonly IReadOnlyDictionary<string, double> ToSeconds()
    {
        double f = 1.0 / Stopwatch.Frequency;
        return new Dictionary<string, double>
        {
            ["batch"] = _batch * f, ["forward"] = _forward * f, ["backward"] = _backward * f,
            ["update"] = _update * f, ["project"] = _project * f,
        };
    }
}
