namespace GreenCompute.SchedulingBench.Oracle;

/// <summary>
/// One hour of a room at constant power P (W), composed from its physics steps: the mass temperature at the hour's
/// end, and the air reading after the hour's first step and after its last, each affine in (T_m at the hour's start,
/// P). Within an hour the mass moves monotonically, so these two readings bound the hour's air temperatures.
/// </summary>
internal readonly record struct HourMap(Affine MassEnd, Affine FirstAir, Affine LastAir)
{
    public static HourMap Compose(RoomReplica replica, DateTimeOffset start, TimeSpan step, int steps)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var mass = new Affine(1, 0, 0);
        Affine first = default, last = default;
        for (var k = 0; k < steps; k++)
        {
            var t = replica.Terms(start + (step * k), step);
            mass = new Affine(t.Decay * mass.Start, (t.Decay * mass.Power) + t.MassPerWatt, (t.Decay * mass.Free) + t.MassFree);
            var air = new Affine(t.AirPerMass * mass.Start, (t.AirPerMass * mass.Power) + t.AirPerWatt, (t.AirPerMass * mass.Free) + t.AirFree);
            if (k == 0)
            {
                first = air;
            }

            last = air;
        }

        return new HourMap(mass, first, last);
    }
}
