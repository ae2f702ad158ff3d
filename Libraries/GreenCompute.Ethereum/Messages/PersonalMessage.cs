using System.Globalization;
using System.Text;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Signing;

namespace GreenCompute.Ethereum.Messages;

/// <summary>
/// EIP-191 version 0x45 ("personal_sign"): keccak256("\x19Ethereum Signed Message:\n" ‖ decimal byte length ‖ message).
/// The prefix keeps a signed message from ever being a valid transaction.
/// </summary>
public static class PersonalMessage
{
    public static byte[] Hash(ReadOnlySpan<byte> message)
    {
        var prefix = Encoding.ASCII.GetBytes("\x19" + "Ethereum Signed Message:\n" + message.Length.ToString(CultureInfo.InvariantCulture));
        return Keccak256.Hash([.. prefix, .. message]);
    }

    public static byte[] Hash(string message) => Hash(Encoding.UTF8.GetBytes(message));

    /// <summary>Signs and returns the 65-byte r ‖ s ‖ v (v = 27/28) that wallets return.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> message, PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(Hash(message)).ToRsv();
    }

    public static byte[] Sign(string message, PrivateKey key) => Sign(Encoding.UTF8.GetBytes(message), key);

    /// <summary>The address whose key made <paramref name="signature"/> (65 bytes r ‖ s ‖ v) over <paramref name="message"/>.</summary>
    public static Address RecoverSigner(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        PublicKey.Recover(Hash(message), EcdsaSignature.FromRsv(signature)).Address;

    public static Address RecoverSigner(string message, ReadOnlySpan<byte> signature) =>
        RecoverSigner(Encoding.UTF8.GetBytes(message), signature);
}
