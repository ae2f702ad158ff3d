using System.Text;
using QRCoder;

namespace GreenCompute.EdgeAgent.Pairing;

/// <summary>What the terminal shows while the device waits to be paired: the claim code large and a QR code of it.</summary>
internal static class PairingScreen
{
    public static string Render(string claimCode, string deviceAddress, Uri? server)
    {
        var payload = server is null ? $"GCPAIR:{claimCode}" : new Uri(server, $"pair?code={claimCode}").ToString();
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        using var qr = new AsciiQRCode(data);
        var text = new StringBuilder();
        text.AppendLine("This heater is not paired yet. Enter the claim code on the installer page, or scan the QR code.");
        text.AppendLine();
        text.AppendLine($"    Claim code:  {claimCode}");
        text.AppendLine($"    Device key:  {deviceAddress}");
        text.AppendLine();
        text.AppendLine(qr.GetGraphicSmall(drawQuietZones: true, invert: false, endOfLine: "\n"));
        return text.ToString();
    }
}
