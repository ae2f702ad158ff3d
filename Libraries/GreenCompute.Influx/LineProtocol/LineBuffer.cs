using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace GreenCompute.Influx.LineProtocol;

/// <summary>
/// The UTF-8 bytes of the line being written, in a pooled array reused from line to line, so that a line reaches the
/// output only once it is complete and valid.
/// </summary>
internal sealed class LineBuffer : IDisposable
{
    private const int MaxInt64Length = 20;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(256);
    private int _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public void Clear() => _length = 0;

    public void Append(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    public void Append(long value)
    {
        Ensure(MaxInt64Length);
        value.TryFormat(_buffer.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    public void Append(ulong value)
    {
        Ensure(MaxInt64Length);
        value.TryFormat(_buffer.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    public void Append(double value)
    {
        Ensure(FloatFormat.MaxLength);
        _length += FloatFormat.Format(value, _buffer.AsSpan(_length));
    }

    public void Append(ReadOnlySpan<byte> ascii)
    {
        Ensure(ascii.Length);
        ascii.CopyTo(_buffer.AsSpan(_length));
        _length += ascii.Length;
    }

    /// <summary>
    /// Appends <paramref name="text"/> as UTF-8 with its special characters escaped; on a problem,
    /// <paramref name="problemIndex"/> is the index of the character that could not be written.
    /// </summary>
    public EscapeProblem AppendEscaped(ReadOnlySpan<char> text, Escaping escaping, out int problemIndex)
    {
        // A UTF-16 unit becomes at most 3 UTF-8 bytes; an escaped character becomes 2.
        Ensure(text.Length * 3);
        int offset = 0;
        while (true)
        {
            ReadOnlySpan<char> rest = text[offset..];
            int next = rest.IndexOfAny(escaping.Specials);
            ReadOnlySpan<char> verbatim = next < 0 ? rest : rest[..next];
            if (!verbatim.IsEmpty)
            {
                var status = Utf8.FromUtf16(verbatim, _buffer.AsSpan(_length), out int read, out int written, replaceInvalidSequences: false);
                _length += written;
                if (status != OperationStatus.Done)
                {
                    problemIndex = offset + read;
                    return EscapeProblem.InvalidUtf16;
                }
            }

            if (next < 0)
            {
                problemIndex = -1;
                return EscapeProblem.None;
            }

            char letter = escaping.EscapeLetter(rest[next]);
            if (letter == '\0')
            {
                problemIndex = offset + next;
                return EscapeProblem.ControlCharacter;
            }

            _buffer[_length++] = (byte)'\\';
            _buffer[_length++] = (byte)letter;
            offset += next + 1;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }

    private void Ensure(int additional)
    {
        if (_buffer.Length - _length >= additional)
        {
            return;
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + additional));
        WrittenSpan.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
