using PortfolioMargin.Cli;

return CommandLine.Build().Parse(args).Invoke();
