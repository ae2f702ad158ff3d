using GreenCompute.Mqtt.Client;

namespace GreenCompute.EdgeAgent.Tests.Fixtures;

/// <summary>Records received messages; a test awaits a condition on them (a TaskCompletionSource armed before, re-checked on each arrival).</summary>
internal sealed class Inbox
{
    private readonly Lock _gate = new();
    private readonly List<MqttApplicationMessage> _messages = [];
    private readonly List<(Func<IReadOnlyList<MqttApplicationMessage>, bool> Condition, TaskCompletionSource Reached)> _waiters = [];

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

    public ValueTask Handle(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _messages.Add(message);
            foreach (var waiter in _waiters.Where(w => w.Condition(_messages)).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return ValueTask.CompletedTask;
    }

    public async Task WaitAsync(Func<IReadOnlyList<MqttApplicationMessage>, bool> condition, string what, TimeSpan? timeout = null)
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

        var limit = timeout ?? TimeSpan.FromSeconds(60);
        try
        {
            await reached.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {limit.TotalSeconds:0} s waiting for {what}; received: "
                + string.Join(" | ", Messages.Select(m => $"{m.Topic} {m.GetPayloadText()}").TakeLast(15)));
        }
    }
}
