using GreenCompute.Actors;
using GreenCompute.Core.Comfort;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;
using GreenCompute.Grains.History;

namespace GreenCompute.Grains.Nodes;

/// <summary>
/// A thin shell over the core: validates telemetry, feeds the room-model estimator, plans with
/// <see cref="PowerPlanner"/>, and passes the scheduler's commands to the device.
/// </summary>
internal sealed class HeaterNodeGrain(INodeCommandSink commands, IHistoryRecorder history, NodeOptions options) : Grain<HeaterNodeState>, IHeaterNodeGrain
{
    private ComfortSchedule? _schedule;
    private RoomModelEstimator? _estimator;
    private SensorOffsetEstimator _offset = new();
    private PowerPlan? _plan;
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Registration is { } registration)
        {
            _schedule = registration.Comfort.ToSchedule();
            _estimator = State.Estimator is { } saved
                ? RoomModelEstimator.Restore(registration.PriorModel, saved)
                : new RoomModelEstimator(registration.PriorModel);
        }

        _offset = new SensorOffsetEstimator(State.SensorOffset);
        RegisterGrainTimer(SaveIfDirtyAsync, options.SaveEvery, options.SaveEvery);
        return Task.CompletedTask;
    }

    public async Task Register(NodeRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (registration.NodeId != GetPrimaryKeyString())
        {
            throw new ArgumentException($"Registration for node '{registration.NodeId}' sent to node '{GetPrimaryKeyString()}'.");
        }

        var schedule = registration.Comfort.ToSchedule();
        State.Registration = registration;
        _schedule = schedule;
        _estimator = State.Estimator is { } saved
            ? RoomModelEstimator.Restore(registration.PriorModel, saved)
            : new RoomModelEstimator(registration.PriorModel);
        await WriteStateAsync();
    }

    public async Task SetComfortSchedule(ComfortScheduleDefinition comfort)
    {
        var registration = State.Registration ?? throw new InvalidOperationException($"Node '{GetPrimaryKeyString()}' is not paired.");
        _schedule = comfort.ToSchedule();
        State.Registration = registration with { Comfort = comfort };
        await WriteStateAsync();
    }

    public Task<ComfortScheduleDefinition> GetComfortSchedule() =>
        Task.FromResult((State.Registration ?? throw new InvalidOperationException($"Node '{GetPrimaryKeyString()}' is not paired.")).Comfort);

    public Task<TelemetryResult> ReportTelemetry(NodeTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        var now = TimeProvider.GetUtcNow();
        var last = State.Last;
        if (TelemetryValidator.Problem(telemetry, State.Registration, last, now, options.MaxClockSkew) is { } problem)
        {
            State.RejectedTelemetry++;
            State.LastRejection = problem;
            _dirty = true;
            return Task.FromResult(TelemetryResult.Rejected(problem));
        }

        var energy = last is null ? WattHours.Zero : telemetry.EnergyCounter - last.EnergyCounter;
        var useful = WattHours.Zero;
        if (last is not null && _schedule is not null && last.RoomTemperature < _schedule.BandAt(last.Time).Max)
        {
            // Heat is useful while the room wanted it: delivered while the room was below its band's maximum.
            useful = energy;
            State.UsefulHeatWattHours += energy.Value;
        }

        if (_schedule is not null)
        {
            history.RecordTelemetry(telemetry, State.Registration!.SiteId, _schedule.BandAt(telemetry.Time), energy, useful);
        }

        var outdoorNow = new Celsius(State.OutdoorCelsius ?? double.NaN);
        if (last is not null)
        {
            _offset.Add(
                new ThermalSample(last.Time, last.RoomTemperature, outdoorNow, last.Power),
                new ThermalSample(telemetry.Time, telemetry.RoomTemperature, outdoorNow, telemetry.Power));
        }

        if (State.OutdoorCelsius is not null)
        {
            // The model is fitted on the heat store, not on the air the sensor reads (see SensorOffsetEstimator).
            var store = _offset.StoreTemperature(telemetry.RoomTemperature, telemetry.Power);
            _estimator?.Add(new ThermalSample(telemetry.Time, store, outdoorNow, telemetry.Power));
        }

        State.Last = telemetry;
        State.MarkedOffline = false;
        _dirty = true;
        return Task.FromResult(TelemetryResult.Ok);
    }

    public Task MarkOffline(string reason)
    {
        State.MarkedOffline = true;
        State.Mode = HeaterMode.Offline;
        State.Reason = $"offline: {reason}";
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<NodePlanResult> Plan(NodePlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var registration = State.Registration ?? throw new InvalidOperationException($"Node '{GetPrimaryKeyString()}' is not paired.");
        if (request.Outdoor.Length > 0)
        {
            State.OutdoorCelsius = request.Outdoor[0].Value;
        }

        var online = IsOnline();
        _plan = null;
        if (State.Last is { } last && _schedule is not null && _estimator is not null)
        {
            _plan = PowerPlanner.Plan(
                registration.NodeId,
                request.Horizon,
                _estimator.Estimate.Model,
                _offset.StoreTemperature(last.RoomTemperature, last.Power),
                _schedule,
                request.Outdoor.AsSpan(),
                request.Prices.AsSpan(),
                registration.Heater,
                sensorOffsetKelvinPerWatt: _offset.KelvinPerWatt);
        }

        if (!online)
        {
            State.Mode = HeaterMode.Offline;
            State.Reason = State.MarkedOffline ? State.Reason : $"offline: no telemetry since {State.Last?.Time:yyyy-MM-dd HH:mm}";
        }

        return Task.FromResult(new NodePlanResult(
            registration.NodeId,
            registration.SiteId,
            registration.Heater,
            online,
            State.Last?.RoomTemperature,
            State.Last?.RunningTasks ?? [],
            _plan));
    }

    public async Task ApplyCommand(NodeCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!IsOnline())
        {
            return;
        }

        State.Mode = command.Mode;
        State.Reason = command.Reason;
        _dirty = true;
        var sent = command with { Band = _schedule?.BandAt(TimeProvider.GetUtcNow()) };
        history.RecordDecision(sent, State.Registration!.SiteId);
        await commands.SendAsync(sent, CancellationToken.None);
    }

    public Task<NodeSnapshot> GetSnapshot()
    {
        var registration = State.Registration ?? throw new InvalidOperationException($"Node '{GetPrimaryKeyString()}' is not paired.");
        var last = State.Last;
        return Task.FromResult(new NodeSnapshot(
            registration.NodeId,
            registration.SiteId,
            registration.RoomId,
            registration.RoomName,
            registration.Heater,
            IsOnline(),
            last?.Time,
            last?.RoomTemperature,
            _schedule?.BandAt(TimeProvider.GetUtcNow()),
            last?.Power ?? Watts.Zero,
            State.EnergyCounter,
            new WattHours(State.UsefulHeatWattHours),
            last?.RunningTasks ?? [],
            IsOnline() ? State.Mode : HeaterMode.Offline,
            State.Reason,
            _estimator?.Estimate ?? new RoomModelEstimate(registration.PriorModel, 0, 0, IsPrior: true),
            _offset.KelvinPerWatt * 1000,
            _plan,
            State.RejectedTelemetry,
            State.LastRejection));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        State.Estimator = _estimator?.Snapshot();
        State.SensorOffset = _offset.Snapshot();
        return Task.CompletedTask;
    }

    private bool IsOnline() =>
        !State.MarkedOffline
        && State.Last is { } last
        && TimeProvider.GetUtcNow() - last.Time <= options.OfflineAfter;

    private async Task SaveIfDirtyAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            return;
        }

        State.Estimator = _estimator?.Snapshot();
        State.SensorOffset = _offset.Snapshot();
        await WriteStateAsync();
        _dirty = false;
    }
}
