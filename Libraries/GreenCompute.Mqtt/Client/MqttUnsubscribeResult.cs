namespace GreenCompute.Mqtt.Client;

/// <summary>The UNSUBACK: per filter Success or NoSubscriptionExisted/failure in MQTT 5; always Success in 3.1.1 (no codes on the wire).</summary>
public sealed record MqttUnsubscribeResult(IReadOnlyList<MqttUnsubscribeResultItem> Items, string? ReasonString = null);
