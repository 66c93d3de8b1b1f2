using PortfolioMargin.Cli;

// InvokeAsync: Ctrl+C and SIGTERM cancel the action's token (the run stops and writes nothing) instead of killing the process.
return await CommandLine.Build().Parse(args).InvokeAsync();
