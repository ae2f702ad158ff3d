using System.Net.Security;
using System.Net.Sockets;

namespace GreenCompute.Mqtt.Channel;

/// <summary>Opens the byte stream under a client connection: TCP, optionally wrapped in TLS.</summary>
internal static class MqttTcpConnector
{
    public static async Task<Stream> ConnectAsync(string host, int port, SslClientAuthenticationOptions? tls, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            var stream = new NetworkStream(socket, ownsSocket: true);
            return tls is null ? stream : await AuthenticateAsync(stream, host, tls, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Server side: wraps an accepted socket, with TLS when <paramref name="tls"/> is set.</summary>
    public static async Task<Stream> AcceptAsync(Socket socket, SslServerAuthenticationOptions? tls, CancellationToken cancellationToken)
    {
        socket.NoDelay = true;
        var stream = new NetworkStream(socket, ownsSocket: true);
        if (tls is null)
        {
            return stream;
        }

        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsServerAsync(tls, cancellationToken).ConfigureAwait(false);
            return ssl;
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<Stream> AuthenticateAsync(NetworkStream stream, string host, SslClientAuthenticationOptions tls,
        CancellationToken cancellationToken)
    {
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            var options = tls.TargetHost is null ? CopyWithHost(tls, host) : tls;
            await ssl.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
            return ssl;
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static SslClientAuthenticationOptions CopyWithHost(SslClientAuthenticationOptions tls, string host) => new()
    {
        TargetHost = host,
        ClientCertificates = tls.ClientCertificates,
        EnabledSslProtocols = tls.EnabledSslProtocols,
        CertificateRevocationCheckMode = tls.CertificateRevocationCheckMode,
        RemoteCertificateValidationCallback = tls.RemoteCertificateValidationCallback,
        LocalCertificateSelectionCallback = tls.LocalCertificateSelectionCallback,
        ApplicationProtocols = tls.ApplicationProtocols,
    };
}
