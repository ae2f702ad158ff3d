using GreenCompute.WebBench;

return await WebBenchmark.RunAsync(args);
