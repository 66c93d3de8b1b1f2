using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Storage.Tests.Input;

public class CsvRecordsTests
{
    [Fact]
    public void Quoted_field_may_span_lines_and_later_lines_still_count()
    {
        var records = CsvRecords.Read("a,\"two\nlines\",c\nd,e,f", "x.csv");

        Assert.Equal(["a", "two\nlines", "c"], records[0].Fields);
        Assert.Equal((1, 3), (records[0].Line, records[1].Line));
    }

    [Fact]
    public void Empty_fields_are_kept()
    {
        Assert.Equal(["", "b", "", ""], CsvRecords.Read(",b,,", "x.csv")[0].Fields);
    }

    [Fact]
    public void Unclosed_quote_names_the_line_it_opens_on()
    {
        InputAssert.FailsAt(() => CsvRecords.Read("a,b\nc,\"d\ne", "x.csv"), "x.csv", 2, "");
    }

    [Fact]
    public void Text_after_a_closing_quote_names_its_line()
    {
        InputAssert.FailsAt(() => CsvRecords.Read("a,b\n\"c\"d,e", "x.csv"), "x.csv", 2, "");
    }
}
