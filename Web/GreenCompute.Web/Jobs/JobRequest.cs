namespace GreenCompute.Web.Jobs;

/// <summary>A job as the REST API and the CLI submit it. The deadline is on the fleet's (simulated) clock, UTC.</summary>
public sealed record JobRequest(
    string? Name,
    string? Workload,
    int? Tasks,
    double? CpuSecondsPerTask,
    DateTimeOffset? Deadline,
    double? MaxPriceEurPerMwh);
