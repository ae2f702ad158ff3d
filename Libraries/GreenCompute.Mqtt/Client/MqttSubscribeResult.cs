namespace GreenCompute.Mqtt.Client;

/// <summary>The SUBACK: one reason code per requested filter, in request order.</summary>
public sealed record MqttSubscribeResult(IReadOnlyList<MqttSubscribeResultItem> Items, string? ReasonString = null)
{
    public bool AllGranted => Items.All(i => i.IsGranted);
}
