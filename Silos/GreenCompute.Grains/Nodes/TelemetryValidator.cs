namespace GreenCompute.Grains.Nodes;

/// <summary>Checks one telemetry report against the node and its previous report; returns the reason it is refused, or null.</summary>
internal static class TelemetryValidator
{
    public static string? Problem(NodeTelemetry t, NodeRegistration? registration, NodeTelemetry? last, DateTimeOffset now, TimeSpan maxSkew)
    {
        if (registration is null)
        {
            return "node is not paired: register it before it reports";
        }

        if (t.NodeId != registration.NodeId)
        {
            return $"node id '{t.NodeId}' does not match the node '{registration.NodeId}'";
        }

        if (t.Time > now + maxSkew)
        {
            return $"time {t.Time:O} is ahead of the silo clock {now:O}";
        }

        if (!double.IsFinite(t.RoomTemperature.Value) || t.RoomTemperature.Value is < -40 or > 80)
        {
            return $"room temperature {t.RoomTemperature.Value} °C is outside −40..80 °C";
        }

        if (!double.IsFinite(t.Power.Value) || t.Power.Value < 0 || t.Power.Value > registration.Heater.MaxPower.Value * 1.25)
        {
            return $"power {t.Power.Value} W is outside 0..{registration.Heater.MaxPower.Value * 1.25} W";
        }

        if (!double.IsFinite(t.CpuUtilisation) || t.CpuUtilisation is < 0 or > 1)
        {
            return $"CPU utilisation {t.CpuUtilisation} is outside 0..1";
        }

        if (!double.IsFinite(t.EnergyCounter.Value) || t.EnergyCounter.Value < 0)
        {
            return $"energy counter {t.EnergyCounter.Value} Wh is not a non-negative number";
        }

        if (last is not null)
        {
            if (t.Sequence <= last.Sequence)
            {
                return $"sequence {t.Sequence} is not after the last one ({last.Sequence}): duplicate or replay";
            }

            if (t.Time <= last.Time)
            {
                return $"time {t.Time:O} is not after the last report's {last.Time:O}";
            }

            if (t.EnergyCounter < last.EnergyCounter)
            {
                return $"energy counter went backwards ({last.EnergyCounter.Value} → {t.EnergyCounter.Value} Wh)";
            }
        }

        return null;
    }
}
