using System.Text.Json.Serialization;

namespace GreenCompute.Grains.Messaging;

/// <summary>Source-generated System.Text.Json metadata for every MQTT payload: camelCase, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(TelemetryPayload))]
[JsonSerializable(typeof(StatusPayload))]
[JsonSerializable(typeof(TaskEventPayload))]
[JsonSerializable(typeof(ReceiptPayload))]
[JsonSerializable(typeof(CommandPayload))]
[JsonSerializable(typeof(PriceCurvePayload))]
[JsonSerializable(typeof(WeatherPayload))]
public sealed partial class PayloadJsonContext : JsonSerializerContext;
