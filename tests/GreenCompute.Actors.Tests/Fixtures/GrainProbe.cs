using System.Collections.Concurrent;

namespace GreenCompute.Actors.Tests.Fixtures;

/// <summary>What the test grains report: events in order, awaitable by name, and how many turns overlapped.</summary>
internal sealed class GrainProbe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _events = new();
    private readonly ConcurrentDictionary<string, int> _activations = new();
    private readonly ConcurrentDictionary<string, StrongBox> _running = new();
    private readonly ConcurrentQueue<string> _log = new();
    private int _maxOverlapInOneGrain;

    /// <summary>Released by the test to let a waiting grain call (Hold, Block) finish.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Activations that should fail in OnActivateAsync before one succeeds.</summary>
    public int FailingActivations { get; set; }

    /// <summary>Timer ticks that should throw before ticks succeed.</summary>
    public int FailingTicks { get; set; }

    public int MaxOverlapInOneGrain => Volatile.Read(ref _maxOverlapInOneGrain);

    public IReadOnlyList<string> Log => [.. _log];

    public void Record(string name)
    {
        _log.Enqueue(name);
        _events.GetOrAdd(name, NewSignal).TrySetResult();
    }

    /// <summary>Completes when <paramref name="name"/> has been recorded (before or after this call).</summary>
    public Task When(string name) => _events.GetOrAdd(name, NewSignal).Task.Within($"grain event '{name}'");

    public int Activated(string key)
    {
        var number = _activations.AddOrUpdate(key, 1, (_, n) => n + 1);
        Record($"activate:{key}:{number}");
        return number;
    }

    public int ActivationsOf(string key) => _activations.GetValueOrDefault(key);

    /// <summary>Marks a turn of grain <paramref name="key"/> as running; pair with <see cref="Exit"/>.</summary>
    public void Enter(string key)
    {
        var running = Interlocked.Increment(ref _running.GetOrAdd(key, _ => new StrongBox()).Value);
        var max = Volatile.Read(ref _maxOverlapInOneGrain);
        while (running > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxOverlapInOneGrain, running, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    public void Exit(string key) => Interlocked.Decrement(ref _running[key].Value);

    private static TaskCompletionSource NewSignal(string name) => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class StrongBox
    {
        public int Value;
    }
}
