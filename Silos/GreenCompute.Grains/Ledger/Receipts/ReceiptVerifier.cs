using GreenCompute.Core.Ledger;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Messages;

namespace GreenCompute.Grains.Ledger.Receipts;

/// <summary>
/// The ledger side: recovers who signed a receipt. A receipt signed with another key, or altered after signing,
/// recovers to an address that is not the node's device; <see cref="LedgerBook"/> refuses it.
/// </summary>
public sealed class ReceiptVerifier(ReceiptDomain domain)
{
    /// <summary>The signer's address in lower-case hex, or null when the signature or a signed field cannot be decoded.</summary>
    public string? RecoverSigner(SignedMeterReading signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        return Recover(() => ReceiptTypedData.For(signed.Reading, domain), signed.Signature);
    }

    /// <inheritdoc cref="RecoverSigner(SignedMeterReading)"/>
    public string? RecoverSigner(SignedTaskCompletion signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        return Recover(() => ReceiptTypedData.For(signed.Completion, domain), signed.Signature);
    }

    private static string? Recover(Func<TypedData> payload, string? signature)
    {
        try
        {
            var bytes = HexConverter.FromHex(signature ?? string.Empty);
            return "0x" + Convert.ToHexStringLower(payload().RecoverSigner(bytes).Span);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            // Undecodable input from a device is a refusal (counted by the book), not a fault.
            return null;
        }
    }
}
