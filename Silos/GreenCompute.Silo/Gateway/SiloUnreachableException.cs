namespace GreenCompute.Silo.Gateway;

/// <summary>The silo's gateway did not answer (down, timed out) or refused the token: pages say so instead of failing.</summary>
internal sealed class SiloUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
