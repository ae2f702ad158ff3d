namespace GreenCompute.Simulation.Data;

/// <summary>Which real weather file a scenario reads.</summary>
public enum WeatherSource
{
    /// <summary>NSRDB 2017, a cold site in Colorado (actual year; pairs with the DE 2017 prices).</summary>
    Nsrdb,

    /// <summary>PVGIS typical meteorological year at 45 N 8 E (mild; mapped onto the scenario's year).</summary>
    PvgisTmy,
}
