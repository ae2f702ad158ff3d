using System.Text;
using GreenCompute.Mqtt.Broker;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Silo.Mqtt;

namespace GreenCompute.Silo.Tests.Mqtt;

public class FleetCredentialsTests
{
    private static readonly FleetCredentials Credentials = new(["b1-r1", "b1-r2"]);

    [Theory]
    [InlineData("b1-r1", "b1-r1", true)]
    [InlineData("silo", "silo", true)]
    [InlineData("b1-r1", "b1-r2", false)] // another device's password
    [InlineData("b1-r9", "b1-r9", false)] // not in the fleet
    public async Task Authenticate_OnlyAKnownUserWithItsOwnPassword_IsAccepted(string user, string passwordOf, bool accepted)
    {
        var password = Encoding.UTF8.GetBytes(Credentials.PasswordOf(passwordOf));

        var result = await Credentials.AuthenticateAsync("c", user, password, CancellationToken.None);

        Assert.Equal(accepted ? MqttReasonCode.Success : MqttReasonCode.BadUserNameOrPassword, result);
    }

    [Fact]
    public async Task Authenticate_NoPassword_IsRefused()
    {
        Assert.Equal(MqttReasonCode.BadUserNameOrPassword, await Credentials.AuthenticateAsync("c", "b1-r1", null, CancellationToken.None));
    }

    [Fact]
    public async Task EmbeddedBroker_DeviceWithWrongPasswordOrForeignTopic_IsRefused()
    {
        await using var broker = new MqttBroker(new MqttBrokerOptions
        {
            Port = 0, Authenticator = Credentials, Authorizer = new MqttDeviceAcl(FleetCredentials.ServiceUsers),
        });
        await broker.StartAsync();
        MqttClientOptions Options(string user, string password) => new()
        {
            Port = broker.Port, ClientId = $"{user}-{Guid.NewGuid():N}", UserName = user, Password = password, AutoReconnect = false,
        };

        await using var impostor = new MqttClient(Options("b1-r1", Credentials.PasswordOf("b1-r2")));
        var refused = await Assert.ThrowsAsync<MqttConnectException>(() => impostor.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(MqttReasonCode.BadUserNameOrPassword, refused.ReasonCode);

        await using var device = new MqttClient(Options("b1-r1", Credentials.PasswordOf("b1-r1")));
        await device.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var own = await device.PublishAsync("gc/v1/nodes/b1-r1/telemetry", "{}", MqttQualityOfService.AtLeastOnce).WaitAsync(TimeSpan.FromSeconds(10));
        var foreign = await device.PublishAsync("gc/v1/nodes/b1-r2/telemetry", "{}", MqttQualityOfService.AtLeastOnce).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(own.IsSuccess, $"own topic: {own.ReasonCode}");
        Assert.False(foreign.IsSuccess, "a device must not publish under another node id");
    }
}
