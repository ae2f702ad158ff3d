Console.WriteLine("GreenCompute silo: not written yet.");
