using Idl.Client;

// Ctrl-C and SIGTERM cancel the running command between steps instead of killing it mid-write.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; cancel.Cancel(); });
return Cli.Run(args, Console.Out, Console.Error, cancel.Token);
