namespace GreenCompute.Actors.Tests.Grains;

public sealed class GrainTestException(string message) : Exception(message);
