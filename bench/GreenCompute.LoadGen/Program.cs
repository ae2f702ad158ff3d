using GreenCompute.LoadGen;

// Usage: GreenCompute.LoadGen --port P [--host H] [--devices N] [--qos 0|1]
// Prints "ready N" once every device is connected, then reads commands on stdin:
//   run RATE SECONDS   publish telemetry at RATE messages/s in total for SECONDS; prints "published COUNT SECONDS"
//   quit               disconnect every device and exit
return await LoadGenerator.MainAsync(args, Console.In, Console.Out);
