using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Signing;

namespace GreenCompute.EdgeAgent.Pairing;

/// <summary>
/// The device's secp256k1 signing key in the state folder (<c>device.key</c>, hex, file mode 0600 from creation on):
/// generated on first start, then reused; its address is what pairing registers and receipts are verified against.
/// </summary>
internal static class DeviceKeyStore
{
    public const string FileName = "device.key";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static PrivateKey LoadOrCreate(string stateFolder)
    {
        var file = Path.Combine(stateFolder, FileName);
        if (File.Exists(file))
        {
            return PrivateKey.FromHex(File.ReadAllText(file).Trim());
        }

        var key = PrivateKey.Generate();
        WriteSecret(file, HexConverter.ToHex(key.ToBytes()) + "\n");
        return key;
    }

    /// <summary>Creates the file with mode 0600 before any byte is written (no window where others could read it).</summary>
    public static void WriteSecret(string file, string text)
    {
        var temp = file + ".tmp";
        using (var stream = new FileStream(temp, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = OwnerOnly,
        }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.SetUnixFileMode(temp, OwnerOnly);
        File.Move(temp, file, overwrite: true);
    }
}
