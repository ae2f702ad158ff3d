using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>
/// A nonce held for one transaction. <see cref="Complete"/> once the node has taken the transaction (or answered
/// "nonce too low": the nonce is used either way); <see cref="Release"/> (or dispose) when it was never sent, so the
/// nonce is handed out again.
/// </summary>
public sealed class NonceReservation : IDisposable
{
    private readonly NonceManager _manager;
    private int _finished;

    internal NonceReservation(NonceManager manager, Address account, ulong nonce)
    {
        _manager = manager;
        Account = account;
        Nonce = nonce;
    }

    public Address Account { get; }

    public ulong Nonce { get; }

    public void Complete() => Finish(used: true);

    public void Release() => Finish(used: false);

    public void Dispose() => Release();

    private void Finish(bool used)
    {
        if (Interlocked.Exchange(ref _finished, 1) == 0)
        {
            _manager.Finish(Account, Nonce, used);
        }
    }
}
