using System.Collections.Concurrent;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>
/// Hands out nonces per sending account so that concurrent senders neither collide nor leave gaps.
/// </summary>
/// <remarks>
/// When nothing is reserved for an account, the next nonce is read from the chain (eth_getTransactionCount
/// "pending", one call): this catches transactions sent by someone else and transactions the node dropped (a gap).
/// While reservations are outstanding, nonces come from the local counter without a call. A reservation released
/// unused (the send failed before the node took it) is handed out again before any higher nonce, so the
/// transactions after it are not stuck behind a gap. After a "nonce too low" answer, <see cref="ResyncAsync"/>
/// moves the counter up to the chain's.
/// </remarks>
public sealed class NonceManager(EthJsonRpcClient client)
{
    private readonly ConcurrentDictionary<Address, AccountNonces> _accounts = new();

    /// <summary>Reserves the lowest free nonce of <paramref name="account"/>; complete or release it.</summary>
    public async Task<NonceReservation> ReserveAsync(Address account, CancellationToken cancellationToken = default)
    {
        var state = _accounts.GetOrAdd(account, _ => new AccountNonces());
        await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Only reservations add to Outstanding, and they hold the gate: an idle account stays idle across the call.
            bool idle;
            lock (state)
            {
                idle = state.Outstanding.Count == 0;
            }

            var chain = idle ? await client.GetTransactionCountAsync(account, BlockTag.Pending, cancellationToken).ConfigureAwait(false) : 0;
            lock (state)
            {
                if (idle)
                {
                    state.Next = chain;
                    state.Free.Clear();
                }

                var nonce = state.Free.Count > 0 ? state.Free.Min : state.Next++;
                state.Free.Remove(nonce);
                state.Outstanding.Add(nonce);
                return new NonceReservation(this, account, nonce);
            }
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>
    /// Reads the chain's pending nonce and moves the local counter up to it (never down while reservations are
    /// outstanding: their holders may still send). Call after a "nonce too low" answer.
    /// </summary>
    public async Task ResyncAsync(Address account, CancellationToken cancellationToken = default)
    {
        var state = _accounts.GetOrAdd(account, _ => new AccountNonces());
        await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var chain = await client.GetTransactionCountAsync(account, BlockTag.Pending, cancellationToken).ConfigureAwait(false);
            lock (state)
            {
                if (state.Outstanding.Count == 0 || chain > state.Next)
                {
                    state.Next = chain;
                }

                state.Free.RemoveWhere(n => n < chain || n >= state.Next);
            }
        }
        finally
        {
            state.Gate.Release();
        }
    }

    internal void Finish(Address account, ulong nonce, bool used)
    {
        var state = _accounts[account];
        lock (state)
        {
            if (!state.Outstanding.Remove(nonce) || used)
            {
                return;
            }

            if (nonce + 1 == state.Next)
            {
                state.Next = nonce;
                while (state.Next > 0 && state.Free.Remove(state.Next - 1))
                {
                    state.Next--;
                }
            }
            else if (nonce < state.Next)
            {
                state.Free.Add(nonce);
            }
        }
    }

    private sealed class AccountNonces
    {
        /// <summary>Serialises reservations and resyncs (they await the node); state changes happen under lock(this).</summary>
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public ulong Next { get; set; }

        public SortedSet<ulong> Free { get; } = [];

        public HashSet<ulong> Outstanding { get; } = [];
    }
}
