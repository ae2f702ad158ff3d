using GreenCompute.Web;

return await WebProgram.RunAsync(args, Console.Out, Console.Error);
