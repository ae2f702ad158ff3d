using System.Diagnostics.Metrics;
using System.Threading.Channels;
using GreenCompute.Core.Time;
using GreenCompute.Influx.Http;
using GreenCompute.Influx.Tests.Fixtures;
using GreenCompute.Influx.Writing;

namespace GreenCompute.Influx.Tests.Writing;

/// <summary>A writer on a scripted HTTP handler and a manual clock, with its own buffer folder; error events queue up for the test.</summary>
internal sealed class WriterHarness : IAsyncDisposable
{
    private readonly Channel<InfluxWriteErrorEventArgs> _errors = Channel.CreateUnbounded<InfluxWriteErrorEventArgs>();
    private readonly HttpClient _http;
    private readonly IMeterFactory? _meterFactory;

    public WriterHarness(
        Func<RecordedRequest, HttpResponseMessage> respond,
        Action<InfluxWriterOptions>? configure = null,
        InfluxConnectionOptions? connection = null,
        TempDirectory? directory = null,
        IMeterFactory? meterFactory = null)
    {
        _meterFactory = meterFactory;
        Directory = directory ?? new TempDirectory();
        Handler = new ScriptedHandler(respond);
        _http = new HttpClient(Handler);
        Connection = connection ?? new InfluxConnectionOptions { Url = new Uri("http://127.0.0.1:9"), Database = "db" };
        Options = new InfluxWriterOptions
        {
            BufferPath = Directory.File("buffer.db"),
            FlushInterval = TimeSpan.FromHours(1),
            RetryInitialDelay = TimeSpan.FromSeconds(1),
            RetryMaxDelay = TimeSpan.FromSeconds(60),
            ShutdownFlushTimeout = TimeSpan.Zero,
        };
        configure?.Invoke(Options);
        Writer = OpenWriter();
    }

    public TempDirectory Directory { get; }

    public ScriptedHandler Handler { get; }

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public InfluxConnectionOptions Connection { get; }

    public InfluxWriterOptions Options { get; }

    public InfluxWriter Writer { get; private set; }

    public Task<InfluxWriteErrorEventArgs> NextErrorAsync(string what) => Waits.For(_errors.Reader.ReadAsync().AsTask(), what);

    /// <summary>Disposes the writer (nothing flushed) and opens a new one on the same buffer file.</summary>
    public async Task RestartWriterAsync()
    {
        await Writer.DisposeAsync();
        Writer = OpenWriter();
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        _http.Dispose();
        Directory.Dispose();
    }

    private InfluxWriter OpenWriter()
    {
        var writer = new InfluxWriter(_http, Connection, Options, Time, _meterFactory);
        writer.WriteError += (_, e) => _errors.Writer.TryWrite(e);
        return writer;
    }
}
