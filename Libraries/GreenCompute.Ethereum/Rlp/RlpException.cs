namespace GreenCompute.Ethereum.Rlp;

/// <summary>An RLP input broke the encoding or canonical-form rules; <see cref="Error"/> says which.</summary>
public sealed class RlpException : Exception
{
    public RlpException(RlpError error, string message)
        : base(message)
    {
        Error = error;
    }

    public RlpError Error { get; }
}
