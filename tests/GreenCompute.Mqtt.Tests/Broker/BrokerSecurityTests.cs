using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GreenCompute.Mqtt.Broker;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.Mqtt.Tests.Broker;

/// <summary>Authentication and ACL hooks, the device ACL, and TLS.</summary>
public sealed class BrokerSecurityTests
{
    public static TheoryData<MqttProtocolVersion> Versions => [MqttProtocolVersion.V311, MqttProtocolVersion.V500];

    [Theory]
    [InlineData("n1", "gc/v1/nodes/n1/telemetry", true)]
    [InlineData("n1", "gc/v1/nodes/n1/a/b/c", true)]
    [InlineData("n1", "gc/v1/nodes/n10/telemetry", false)]
    [InlineData("n1", "gc/v1/nodes/n1", false)]
    [InlineData("n1", "gc/v1/nodes/n2/telemetry", false)]
    [InlineData("n1", "gc/v1/jobs", false)]
    [InlineData("a/b", "gc/v1/nodes/a/b/x", false)]
    [InlineData(null, "gc/v1/nodes//x", false)]
    public void DeviceAcl_Publish_OnlyUnderItsOwnNode(string? nodeId, string topic, bool allowed) =>
        Assert.Equal(allowed, new MqttDeviceAcl().CanPublish("client", nodeId, topic));

    [Theory]
    [InlineData("gc/v1/nodes/n1/#", true)]
    [InlineData("gc/v1/nodes/n1/+/state", true)]
    [InlineData("$share/g/gc/v1/nodes/n1/cmd", true)]
    [InlineData("gc/v1/nodes/+/state", false)]
    [InlineData("gc/v1/nodes/#", false)]
    [InlineData("#", false)]
    [InlineData("$share/g/gc/v1/nodes/n2/cmd", false)]
    public void DeviceAcl_Subscribe_OnlyFiltersInsideItsNode(string filter, bool allowed) =>
        Assert.Equal(allowed, new MqttDeviceAcl().CanSubscribe("client", "n1", filter));

    [Fact]
    public void DeviceAcl_ServiceUser_MayUseEveryTopic() =>
        Assert.True(new MqttDeviceAcl(["silo"]).CanSubscribe("silo-1", "silo", "#"));

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task DeviceAcl_ForeignTopics_AreRefusedAndNotRouted(MqttProtocolVersion version)
    {
        await using var broker = await EmbeddedBroker.StartAsync(o => o.Authorizer = new MqttDeviceAcl(["silo"]));
        var seen = new MessageCollector();
        var siloOptions = Clients.Options(broker.Port, "silo-1", version);
        siloOptions.UserName = "silo";
        await using var silo = await Clients.ConnectAsync(siloOptions, seen);
        await silo.SubscribeAsync("gc/#", MqttQualityOfService.AtLeastOnce);
        var deviceOptions = Clients.Options(broker.Port, "node-n1", version);
        deviceOptions.UserName = "n1";
        await using var device = await Clients.ConnectAsync(deviceOptions);

        var subscribed = await device.SubscribeAsync(new MqttSubscribeOptions
        {
            Subscriptions =
            [
                new MqttSubscription { TopicFilter = "gc/v1/nodes/n1/cmd/#", MaximumQualityOfService = MqttQualityOfService.AtLeastOnce },
                new MqttSubscription { TopicFilter = "gc/v1/nodes/n2/cmd/#", MaximumQualityOfService = MqttQualityOfService.AtLeastOnce },
                new MqttSubscription { TopicFilter = "gc/v1/nodes/+/cmd", MaximumQualityOfService = MqttQualityOfService.AtLeastOnce },
            ],
        });
        var foreign = await device.PublishAsync("gc/v1/nodes/n2/telemetry", "spoofed", MqttQualityOfService.AtLeastOnce);
        var own = await device.PublishAsync("gc/v1/nodes/n1/telemetry", "mine", MqttQualityOfService.AtLeastOnce);
        await seen.WaitForAsync(1, "the device's own telemetry at the silo");

        var denied = version == MqttProtocolVersion.V500 ? MqttReasonCode.NotAuthorized : MqttReasonCode.UnspecifiedError;
        Assert.Equal([MqttReasonCode.GrantedQoS1, denied, denied], subscribed.Items.Select(i => i.ReasonCode));
        Assert.Equal(version == MqttProtocolVersion.V500 ? MqttPublishStatus.Rejected : MqttPublishStatus.Delivered, foreign.Status);
        Assert.Equal(MqttPublishStatus.Delivered, own.Status);
        Assert.Equal(["mine"], seen.Payloads);
        Assert.Contains(broker.Log.Messages(Microsoft.Extensions.Logging.LogLevel.Warning), m => m.Contains("gc/v1/nodes/n2/telemetry", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Authenticator_WrongPassword_IsRefusedWithBadUserNameOrPassword(MqttProtocolVersion version)
    {
        await using var broker = await EmbeddedBroker.StartAsync(o => o.Authenticator = new PasswordAuthenticator("n1", "secret"));
        var good = Clients.Options(broker.Port, "good", version);
        (good.UserName, good.Password) = ("n1", "secret");
        var bad = Clients.Options(broker.Port, "bad", version);
        (bad.UserName, bad.Password) = ("n1", "guess");

        await using var accepted = await Clients.ConnectAsync(good);
        await using var refusedClient = new MqttClient(bad);
        var refused = await Assert.ThrowsAsync<MqttConnectException>(() => refusedClient.ConnectAsync());

        Assert.True(accepted.IsConnected);
        Assert.Equal(MqttReasonCode.BadUserNameOrPassword, refused.ReasonCode);
        Assert.False(refusedClient.IsConnected);
    }

    [Fact]
    public async Task DeviceAcl_WillOnForeignTopic_IsRefusedAtConnect()
    {
        await using var broker = await EmbeddedBroker.StartAsync(o => o.Authorizer = new MqttDeviceAcl());
        var options = Clients.Options(broker.Port, "node-n1");
        options.UserName = "n1";
        options.Will = new MqttWillMessage { Topic = "gc/v1/nodes/n2/status", Payload = "offline"u8.ToArray() };
        await using var client = new MqttClient(options);

        var refused = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());

        Assert.Equal(MqttReasonCode.NotAuthorized, refused.ReasonCode);
    }

    [Fact]
    public async Task Tls_SelfSignedCertificate_PublishSubscribeRoundTrip()
    {
        using var certificate = CreateCertificate();
        await using var broker = await EmbeddedBroker.StartAsync(o => o.Tls = new SslServerAuthenticationOptions { ServerCertificate = certificate });
        var tls = new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString(),
        };
        var received = new MessageCollector();
        var options = Clients.Options(broker.Port, "tls-client");
        options.Tls = tls;
        await using var client = await Clients.ConnectAsync(options, received);
        await client.SubscribeAsync("gc/tls", MqttQualityOfService.ExactlyOnce);

        await client.PublishAsync("gc/tls", "over tls", MqttQualityOfService.ExactlyOnce);

        await received.WaitForAsync(1, "the message over TLS");
        Assert.Equal("over tls", received.Payloads[0]);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));

        // Re-import through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }

    private sealed class PasswordAuthenticator(string userName, string password) : IMqttBrokerAuthenticator
    {
        public ValueTask<MqttReasonCode> AuthenticateAsync(string clientId, string? user, ReadOnlyMemory<byte>? secret, CancellationToken cancellationToken) =>
            ValueTask.FromResult(user == userName && secret is { } bytes && Encoding.UTF8.GetString(bytes.Span) == password
                ? MqttReasonCode.Success
                : MqttReasonCode.BadUserNameOrPassword);
    }
}
