namespace GreenCompute.Simulation.Data;

/// <summary>One job of a Standard Workload Format trace: submit offset from the trace start, run time, processors.</summary>
public sealed record TraceJob(long Id, TimeSpan SubmitOffset, TimeSpan Runtime, int Processors)
{
    /// <summary>Processor-seconds of work: run time × processors.</summary>
    public double ProcessorSeconds => Runtime.TotalSeconds * Processors;
}
