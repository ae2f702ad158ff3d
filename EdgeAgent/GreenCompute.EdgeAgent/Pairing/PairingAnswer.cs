namespace GreenCompute.EdgeAgent.Pairing;

/// <summary>GET /api/v1/pairing/requests/{claimCode}: {"status":"pending"} or "paired" with the node, site, room and MQTT account.</summary>
internal sealed record PairingAnswer(string? Status, string? NodeId, string? SiteId, string? RoomId, PairingMqtt? Mqtt);

/// <summary>The MQTT account the silo created for the device.</summary>
internal sealed record PairingMqtt(string? Host, int? Port, string? Username, string? Password);
