namespace GreenCompute.EdgeAgent.Outbox;

internal sealed record OutboxMessage(long Id, string Topic, byte[] Payload);
