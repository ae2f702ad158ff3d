using System.Reflection;
using GreenCompute.Actors.Runtime;

namespace GreenCompute.Actors;

/// <summary>
/// A single-process grain (virtual actor) host with Orleans' semantics: a grain is activated on its first call
/// (state read, then <see cref="Grain.OnActivateAsync"/>), handles one call at a time (see <see cref="Grain"/>),
/// is deactivated when idle for <see cref="GrainHostOptions.CollectionAge"/> or on request, and saves its state
/// at deactivation and on <see cref="StopAsync"/>. Calls are queued on the grain's mailbox and fail with
/// <see cref="GrainCallTimeoutException"/> after <see cref="GrainHostOptions.CallTimeout"/>; all time comes from
/// the injected <see cref="System.TimeProvider"/>. Arguments and results are passed by reference, not copied.
/// </summary>
public sealed class GrainHost : IGrainFactory, IAsyncDisposable
{
    private readonly Dictionary<Type, GrainRegistration> _registrations = [];
    private readonly ActivationCatalog _catalog;
    private readonly GrainHostOptions _options;
    private readonly Lock _lifecycle = new();
    private ITimer? _collector;
    private ITimer? _sweeper;

    /// <summary>Creates a host; register grains with <see cref="AddGrain{TInterface, TGrain}"/>, then call <see cref="StartAsync"/>.</summary>
    /// <param name="storage">Where <see cref="Grain{TState}"/> state lives; the host does not dispose it.</param>
    /// <param name="timeProvider">The clock for timers, idle collection and call timeouts.</param>
    /// <param name="options">Timeouts and collection settings; Orleans' defaults when omitted.</param>
    /// <param name="onError">Receives errors that have no caller (timer callbacks, deactivation); must not throw. Trace output when omitted.</param>
    public GrainHost(IGrainStorage storage, TimeProvider timeProvider, GrainHostOptions? options = null, Action<GrainHostError>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options ?? new GrainHostOptions();
        _options.Validate();
        TimeProvider = timeProvider;
        _catalog = new ActivationCatalog(storage, timeProvider, _options, this, onError);
    }

    /// <summary>The host's clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>How many activations exist (activating, active or deactivating).</summary>
    public int ActivationCount => _catalog.Count;

    /// <summary>
    /// Registers grain class <typeparamref name="TGrain"/> for interface <typeparamref name="TInterface"/>;
    /// <paramref name="factory"/> creates one instance per activation. State is stored under
    /// <paramref name="grainType"/> (default: the class name), so keep it stable. Registering one class for
    /// several interfaces gives one activation per key, whichever interface is called. Only before StartAsync.
    /// </summary>
    public void AddGrain<TInterface, TGrain>(Func<TGrain> factory, string? grainType = null)
        where TGrain : Grain, TInterface
        where TInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!typeof(TInterface).IsInterface)
        {
            throw new ArgumentException($"{typeof(TInterface).Name} is not an interface.", nameof(TInterface));
        }

        GrainMethod.Validate(typeof(TInterface));
        grainType ??= typeof(TGrain).Name;
        lock (_lifecycle)
        {
            if (_catalog.Mode != CatalogMode.NotStarted)
            {
                throw new InvalidOperationException("Grains are registered before StartAsync.");
            }

            if (_registrations.ContainsKey(typeof(TInterface)))
            {
                throw new InvalidOperationException($"{typeof(TInterface).Name} is already registered.");
            }

            var registration = _registrations.Values.FirstOrDefault(r => r.GrainClass == typeof(TGrain));
            if (registration is null)
            {
                if (_registrations.Values.Any(r => r.GrainType == grainType))
                {
                    throw new InvalidOperationException($"Grain type name '{grainType}' is already used by another class; pass a distinct grainType.");
                }

                registration = new GrainRegistration(grainType, typeof(TGrain), factory);
            }
            else if (registration.GrainType != grainType)
            {
                throw new InvalidOperationException($"{typeof(TGrain).Name} is already registered as grain type '{registration.GrainType}'.");
            }

            _registrations.Add(typeof(TInterface), registration);
        }
    }

    /// <inheritdoc />
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_registrations.TryGetValue(typeof(TGrainInterface), out var registration))
        {
            throw new InvalidOperationException(
                $"No grain is registered for {typeof(TGrainInterface).Name}: call AddGrain<{typeof(TGrainInterface).Name}, TGrain>(...) before StartAsync.");
        }

        var reference = DispatchProxy.Create<TGrainInterface, GrainProxy>();
        ((GrainProxy)(object)reference).Bind(_catalog, registration, key);
        return reference;
    }

    /// <summary>Starts the idle collector and the call-timeout sweep; calls are accepted from now on.</summary>
    public Task StartAsync(CancellationToken ct)
    {
        lock (_lifecycle)
        {
            if (_catalog.Mode != CatalogMode.NotStarted)
            {
                throw new InvalidOperationException("The GrainHost has already been started.");
            }

            _catalog.Mode = CatalogMode.Running;
            _collector = TimeProvider.CreateTimer(
                static state => ((ActivationCatalog)state!).CollectIdle(), _catalog, _options.CollectionInterval, _options.CollectionInterval);
            if (_options.CallTimeout != Timeout.InfiniteTimeSpan)
            {
                var sweep = TimeSpan.FromTicks(Math.Clamp(_options.CallTimeout.Ticks / 10, 1, TimeSpan.TicksPerSecond));
                _sweeper = TimeProvider.CreateTimer(static state => ((ActivationCatalog)state!).SweepTimeouts(), _catalog, sweep, sweep);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops creating activations and deactivates every activation: each finishes its running turn, runs
    /// <see cref="Grain.OnDeactivateAsync"/> (reason ShuttingDown, token <paramref name="ct"/>) and saves its state.
    /// Calls still queued then fail. A grain stuck in a turn holds this up until <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task StopAsync(CancellationToken ct)
    {
        lock (_lifecycle)
        {
            if (_catalog.Mode is CatalogMode.NotStarted or CatalogMode.Stopped)
            {
                _catalog.Mode = CatalogMode.Stopped;
                return;
            }

            _catalog.Mode = CatalogMode.Stopping;
            _collector?.Dispose();
        }

        await _catalog.DeactivateAllAsync(ct).ConfigureAwait(false);
        lock (_lifecycle)
        {
            _sweeper?.Dispose();
            _catalog.Mode = CatalogMode.Stopped;
        }
    }

    /// <summary>Stops the host (see <see cref="StopAsync"/>) if it is still running.</summary>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    /// <summary>Completes when the current activation of the grain (if any) has been deactivated; for tests.</summary>
    internal Task WhenDeactivated<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey =>
        _catalog.WhenDeactivated(new GrainId(_registrations[typeof(TGrainInterface)], key));
}
