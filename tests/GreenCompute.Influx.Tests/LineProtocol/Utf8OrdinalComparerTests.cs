using System.Text;
using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Tests.LineProtocol;

public class Utf8OrdinalComparerTests
{
    [Fact]
    public void Compare_RandomStrings_AgreesWithUtf8ByteOrder()
    {
        var random = new Random(7);
        char[] alphabet = ['a', 'B', ' ', '=', 'é', '\u07ff', '\u0800', '\uD7FF', '\uE000', '\uFFFD', '\uFFFF'];
        string Next()
        {
            var text = new StringBuilder();
            for (int i = random.Next(0, 4); i > 0; i--)
            {
                // One pick in four is a surrogate pair (a code point above U+FFFF).
                text.Append(random.Next(4) == 0 ? char.ConvertFromUtf32(random.Next(0x10000, 0x110000)) : alphabet[random.Next(alphabet.Length)].ToString());
            }

            return text.ToString();
        }

        for (int i = 0; i < 20_000; i++)
        {
            string x = Next();
            string y = Next();
            int expected = Math.Sign(Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y)));

            Assert.Equal(expected, Math.Sign(Utf8OrdinalComparer.Compare(x, y)));
        }
    }
}
