using System.CommandLine;
using Idl.Grains.Contracts;
using Idl.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Kernels;
using Idl.Numerics.Solvers;
using Idl.Numerics.Training;

namespace Idl.Client.Commands;

/// <summary>The options of <c>idl train</c> and their validation; every error names the option and its value.</summary>
internal sealed class TrainOptions
{
    public Option<int> Hidden { get; } = new("--hidden") { Description = "State size n.", DefaultValueFactory = _ => 64 };
    public Option<int> Epochs { get; } = new("--epochs") { Description = "Passes over the training set.", DefaultValueFactory = _ => 20 };
    public Option<int> Batch { get; } = new("--batch") { Description = "Mini-batch size.", DefaultValueFactory = _ => 64 };
    public Option<double> Lr { get; } = new("--lr") { Description = "Learning rate.", DefaultValueFactory = _ => 5e-3 };
    public Option<double> Kappa { get; } = new("--kappa") { Description = "Well-posedness radius: ||A||inf <= kappa < 1.", DefaultValueFactory = _ => 0.95 };
    public Option<string> Optimizer { get; } = new("--optimizer") { Description = "adam or sgd.", DefaultValueFactory = _ => "adam" };
    public Option<double> Momentum { get; } = new("--momentum") { Description = "SGD momentum.", DefaultValueFactory = _ => 0.9 };
    public Option<string> Trainer { get; } = new("--trainer") { Description = "sgd (projected gradient, §6.2), bcd (gradient (A,B) + least-squares (C,D), §6.3/§7.1) or fenchel (Fenchel-relaxed BCD for ReLU, eq. 6.8; --epochs = rounds).", DefaultValueFactory = _ => "sgd" };
    public Option<string> Solver { get; } = new("--solver") { Description = "Equilibrium solver: picard or anderson.", DefaultValueFactory = _ => "picard" };
    public Option<double> Tol { get; } = new("--tol") { Description = "Absolute solver tolerance (forward and adjoint).", DefaultValueFactory = _ => 3e-6 };
    public Option<double> Rtol { get; } = new("--rtol") { Description = "Relative solver tolerance: a column stops when its step <= tol + rtol * max|x| (float32 floors it at a few ulps).", DefaultValueFactory = _ => 0.0 };
    public Option<int> MaxIter { get; } = new("--max-iter") { Description = "Solver iteration limit.", DefaultValueFactory = _ => 300 };
    public Option<string> Activation { get; } = new("--activation") { Description = $"Activation: {ActivationParser.Accepted}.", DefaultValueFactory = _ => "relu" };
    public Option<string> Precision { get; } = PrecisionOption.Create();
    public Option<int> Seed { get; } = new("--seed") { Description = "Seed for initialisation, shuffling and synthetic data.", DefaultValueFactory = _ => 0 };
    public Option<int> Threads { get; } = new("--threads") { Description = "Compute threads for the kernels and the projection (default: every core this process may use).", DefaultValueFactory = _ => ComputeThreads.Available };
    public Option<int?> Limit { get; } = new("--limit") { Description = "Use only the first N training samples." };
    public Option<double> Validation { get; } = new("--validation") { Description = "Fraction of the training set held out for validation.", DefaultValueFactory = _ => 0.0 };
    public Option<int?> Patience { get; } = new("--patience") { Description = "Stop after this many epochs without validation improvement." };
    public Option<string> Schedule { get; } = new("--schedule") { Description = "constant, cosine or step:EPOCHS:GAMMA.", DefaultValueFactory = _ => "constant" };
    public Option<double> L1 { get; } = new("--l1") { Description = "Elementwise l1 penalty weight.", DefaultValueFactory = _ => 0.0 };
    public Option<double> FeatureSelection { get; } = new("--feature-selection") { Description = "Column-norm penalty on (B; D) (eq. 5.1).", DefaultValueFactory = _ => 0.0 };
    public Option<double> Robustness { get; } = new("--robustness") { Description = "Robustness penalty weight (eq. 4.7).", DefaultValueFactory = _ => 0.0 };
    public Option<int?> FeedForward { get; } = new("--feedforward") { Description = "Train the feed-forward baseline: A constrained to L strictly upper-triangular layers of width n/L (eq. 3.2)." };
    public Option<double> Ridge { get; } = new("--ridge") { Description = "Ridge weight of the least-squares read-out (bcd, fenchel), relative to the mean feature energy.", DefaultValueFactory = _ => 1e-7 };
    public Option<int> BcdRounds { get; } = new("--bcd-rounds") { Description = "Rounds of (A,B) gradient epochs + (C,D) least squares.", DefaultValueFactory = _ => 1 };
    public Option<string> Standardize { get; } = new("--standardize")
    {
        Description = "Input scaling fitted on the training split: features (per column), global (one mean and std, as for images), none, or auto (global for digits and MNIST, else features).",
        DefaultValueFactory = _ => "auto",
    };
    public Option<string?> Out { get; } = new("--out") { Description = "Write the trained model to this file (.idl)." };
    public Option<bool> NoBias { get; } = new("--no-bias") { Description = "Train without the bias vectors b and c (the paper's appended constant input)." };
    public Option<bool> WarmStart { get; } = new("--warm-start") { Description = "Start each sample's solves from its state of the previous epoch (pays for full-batch training)." };
    public Option<bool> Json { get; } = new("--json") { Description = "One JSON object per epoch and a final summary on stdout." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Hidden, Epochs, Batch, Lr, Kappa, Optimizer, Momentum, Trainer, Solver, Tol, MaxIter,
            Rtol, Activation, Precision, Seed, Threads, Limit, Validation, Patience, Schedule, L1, FeatureSelection, Robustness, FeedForward,
            BcdRounds, Ridge, Standardize, WarmStart, NoBias, Out, Json })
            command.Options.Add(option);
    }

    public TrainSettings Read(ParseResult p)
    {
        int hidden = p.GetValue(Hidden);
        if (hidden < 1) throw UsageException.For("--hidden", hidden, "must be at least 1");
        if (p.GetValue(Threads) < 1) throw UsageException.For("--threads", p.GetValue(Threads), "must be at least 1");
        string optimizer = p.GetValue(Optimizer)!;
        if (optimizer is not ("adam" or "sgd")) throw UsageException.For("--optimizer", optimizer, "must be adam or sgd");
        string trainer = p.GetValue(Trainer)!;
        if (trainer is not ("sgd" or "bcd" or "fenchel")) throw UsageException.For("--trainer", trainer, "must be sgd, bcd or fenchel");
        var precision = PrecisionOption.Parse(p.GetValue(Precision));
        string solverName = p.GetValue(Solver)!;
        if (!SolverFactory.TryParse(solverName, out var solver) || solver == SolverKind.Triangular)
            throw UsageException.For("--solver", solverName, "must be picard or anderson (--feedforward selects the exact triangular solve)");
        double validation = p.GetValue(Validation);
        if (!(validation >= 0 && validation < 1)) throw UsageException.For("--validation", validation, "must be in [0, 1)");
        int? ff = p.GetValue(FeedForward);
        if (ff is { } layers && (layers < 1 || layers > hidden)) throw UsageException.For("--feedforward", layers, $"must be between 1 and --hidden ({hidden})");
        int rounds = p.GetValue(BcdRounds);
        if (rounds < 1) throw UsageException.For("--bcd-rounds", rounds, "must be at least 1");
        string activation = p.GetValue(Activation)!;
        try { Idl.Numerics.Activations.ActivationMap.Uniform(ActivationParser.Parse(activation), hidden); }
        catch (Exception e) when (e is FormatException or ArgumentException) { throw UsageException.For("--activation", activation, UsageException.Plain(e) + $" (with --hidden {hidden})"); }
        LearningRateSchedule schedule;
        try { schedule = LearningRateSchedule.Parse(p.GetValue(Schedule)!); }
        catch (FormatException e) { throw UsageException.For("--schedule", p.GetValue(Schedule), e.Message); }
        double tol = p.GetValue(Tol);
        if (!(tol > 0)) throw UsageException.For("--tol", tol, "must be > 0");
        double rtol = p.GetValue(Rtol);
        if (!(rtol >= 0 && rtol < 1)) throw UsageException.For("--rtol", rtol, "must be in [0, 1)");
        var solverOptions = new SolverOptions { AbsoluteTolerance = tol, RelativeTolerance = rtol, MaxIterations = p.GetValue(MaxIter), ActiveSet = true };
        var training = new TrainingOptions
        {
            Epochs = p.GetValue(Epochs), BatchSize = p.GetValue(Batch), LearningRate = p.GetValue(Lr), Kappa = p.GetValue(Kappa),
            Optimizer = optimizer == "adam" ? OptimizerKind.Adam : OptimizerKind.Sgd, Momentum = p.GetValue(Momentum),
            Schedule = schedule, Seed = p.GetValue(Seed), Solver = solver, Forward = solverOptions, Backward = solverOptions,
            EarlyStoppingPatience = p.GetValue(Patience), WarmStart = p.GetValue(WarmStart),
            Penalties = new PenaltyOptions { L1 = p.GetValue(L1), FeatureSelection = p.GetValue(FeatureSelection), Robustness = p.GetValue(Robustness) },
        };
        try { training.Validate(); }
        catch (ArgumentOutOfRangeException e) { throw new UsageException(RunSpecTraining.OptionName(e.ParamName) + ": " + e.Message.Split(" (Parameter")[0]); }
        double ridge = p.GetValue(Ridge);
        if (!(ridge >= 0)) throw UsageException.For("--ridge", ridge, "must be >= 0");
        string standardize = p.GetValue(Standardize)!;
        if (standardize is not ("auto" or "features" or "global" or "none"))
            throw UsageException.For("--standardize", standardize, "must be auto, features, global or none");
        string? outPath = p.GetValue(Out);
        if (outPath is not null && string.IsNullOrWhiteSpace(outPath)) throw UsageException.For("--out", "''", "is empty; name the model file to write");
        if (outPath is not null && Path.GetDirectoryName(Path.GetFullPath(outPath)) is { } folder && !Directory.Exists(folder))
            throw UsageException.For("--out", outPath, $"folder {folder} does not exist");
        return new TrainSettings(training, trainer, hidden, activation, precision, p.GetValue(Seed), p.GetValue(Limit), validation,
            standardize, ff, rounds, ridge, !p.GetValue(NoBias), outPath);
    }
}
