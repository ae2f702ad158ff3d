using GreenCompute.Cli;

using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
return await CliProgram.RunAsync(args, http, Environment.GetEnvironmentVariable, Console.Out, Console.Error);
