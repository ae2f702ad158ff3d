using GreenCompute.Mqtt.Client;

namespace GreenCompute.Mqtt.Tests.Fixtures;

/// <summary>A client message handler that records messages and lets a test await a condition on them.</summary>
internal sealed class MessageCollector
{
    private readonly Lock _gate = new();
    private readonly List<MqttApplicationMessage> _messages = [];
    private readonly List<(Func<List<MqttApplicationMessage>, bool> Condition, TaskCompletionSource Reached)> _waiters = [];

    public IReadOnlyList<MqttApplicationMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public IReadOnlyList<string> Payloads => [.. Messages.Select(m => m.GetPayloadText())];

    public ValueTask Handle(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _messages.Add(message);
            foreach (var waiter in _waiters.Where(w => w.Condition(_messages)))
            {
                waiter.Reached.TrySetResult();
            }
        }

        return ValueTask.CompletedTask;
    }

    public Task WaitForAsync(int count, string what, TimeSpan? timeout = null) =>
        WaitAsync(messages => messages.Count >= count, $"{count} {what}", timeout);

    /// <summary>Waits for <paramref name="count"/> different payloads (QoS 1 may deliver some twice).</summary>
    public Task WaitForDistinctAsync(int count, string what, TimeSpan? timeout = null) =>
        WaitAsync(messages => messages.Select(m => m.GetPayloadText()).Distinct().Count() >= count, $"{count} distinct {what}", timeout);

    public Task WaitForPayloadAsync(string payload, TimeSpan? timeout = null) =>
        WaitAsync(messages => messages.Any(m => m.GetPayloadText() == payload), $"the message '{payload}'", timeout);

    private async Task WaitAsync(Func<List<MqttApplicationMessage>, bool> condition, string what, TimeSpan? timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_messages))
            {
                return;
            }

            _waiters.Add((condition, reached));
        }

        try
        {
            await reached.Task.WaitAsync(timeout ?? Within.Default);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out waiting for {what}; got {Messages.Count}: {string.Join(", ", Payloads)}");
        }
    }
}
