using PortfolioMargin.Storage.Input;
using static PortfolioMargin.Storage.Tests.Input.SampleMarket;

namespace PortfolioMargin.Storage.Tests.Input;

public class MarketSnapshotJsonTests
{
    [Fact]
    public void Optional_underlying_fields_default_to_zero()
    {
        var market = MarketSnapshotJson.Parse(Json(), FileName);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero), market.AsOf);
        Assert.Equal("USD", market.Currency);
        Assert.Equal(0.04, market.Rate);
        var spx = market.Underlyings[0];
        Assert.Equal(("SPX", 5000.0, 0.015, 0.18), (spx.Id, spx.Spot, spx.DividendYield, spx.AtmVol));
        Assert.Equal((0.0, 0.0, 0.0, 0.0), (spx.Skew, spx.Smile, spx.VolOfVol, spx.SpotVolCorrelation));
    }

    [Fact]
    public void Smile_and_vol_dynamics_are_read_when_given()
    {
        var ndx = """{ "id": "NDX", "spot": 18000, "dividendYield": 0.007, "atmVol": 0.22, "skew": -0.1, "smile": 0.05, "volOfVol": 0.9, "spotVolCorrelation": -0.7 }""";

        var u = MarketSnapshotJson.Parse(Json([Spx, ndx]), FileName).Underlyings[1];

        Assert.Equal((-0.1, 0.05, 0.9, -0.7), (u.Skew, u.Smile, u.VolOfVol, u.SpotVolCorrelation));
    }

    [Fact]
    public void Snapshot_without_correlation_is_uncorrelated()
    {
        var market = MarketSnapshotJson.Parse(Json(), FileName);

        Assert.Equal(new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, market.Correlation);
    }

    [Fact]
    public void Correlation_is_ordered_as_underlyings_and_pairs_not_given_are_zero()
    {
        var correlation = """
            {
                "ids": ["RUT", "SPX"],
                "matrix": [[1, 0.8], [0.8, 1]]
              }
            """;

        var market = MarketSnapshotJson.Parse(Json([Spx, Ndx, Rut], correlation), FileName);

        Assert.Equal(new double[,] { { 1, 0, 0.8 }, { 0, 1, 0 }, { 0.8, 0, 1 } }, market.Correlation);
    }

    [Fact]
    public void As_of_without_an_offset_is_read_as_utc()
    {
        var text = Json().Replace("2026-11-24T16:00:00Z", "2026-11-24T16:00:00", StringComparison.Ordinal);

        Assert.Equal(TimeSpan.Zero, MarketSnapshotJson.Parse(text, FileName).AsOf.Offset);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Non_positive_spot_names_line_and_field(string spot)
    {
        var ndx = Ndx.Replace("18000", spot, StringComparison.Ordinal);

        InputAssert.FailsAt(() => MarketSnapshotJson.Parse(Json([Spx, ndx]), FileName), FileName, 7, "underlyings[1].spot");
    }

    [Fact]
    public void Zero_vol_names_line_and_field()
    {
        var spx = Spx.Replace("0.18", "0", StringComparison.Ordinal);

        InputAssert.FailsAt(() => MarketSnapshotJson.Parse(Json([spx, Ndx]), FileName), FileName, 6, "underlyings[0].atmVol");
    }

    [Fact]
    public void Negative_vol_of_vol_names_line_and_field()
    {
        var spx = Spx.Replace(" }", """, "volOfVol": -0.1 }""", StringComparison.Ordinal);

        InputAssert.FailsAt(() => MarketSnapshotJson.Parse(Json([spx]), FileName), FileName, 6, "underlyings[0].volOfVol");
    }

    [Fact]
    public void Spot_vol_correlation_outside_unit_interval_names_line_and_field()
    {
        var spx = Spx.Replace(" }", """, "spotVolCorrelation": -1.5 }""", StringComparison.Ordinal);

        InputAssert.FailsAt(() => MarketSnapshotJson.Parse(Json([spx]), FileName), FileName, 6, "underlyings[0].spotVolCorrelation");
    }

    [Fact]
    public void Duplicate_underlying_id_names_the_second_one()
    {
        InputAssert.FailsAt(() => MarketSnapshotJson.Parse(Json([Spx, Ndx, Spx]), FileName), FileName, 8, "underlyings[2].id");
    }

    [Fact]
    public void Missing_required_key_names_it_at_its_object()
    {
        var spx = Spx.Replace(""", "dividendYield": 0.015""", "", StringComparison.Ordinal);

        InputAssert.FailsAt(() => MarketSnapshotJson.Parse(Json([Ndx, spx]), FileName), FileName, 7, "underlyings[1].dividendYield");
    }

    [Fact]
    public void Unknown_top_level_key_names_it_and_its_line()
    {
        var text = Json().Replace("""  "rate": 0.04,""", """  "rate": 0.04,""" + "\n" + """  "rates": 0.05,""", StringComparison.Ordinal);

        InputAssert.FailsAt(() => MarketSnapshotJson.Parse(text, FileName), FileName, 5, "rates");
    }

    [Fact]
    public void Unknown_underlying_key_names_it_and_its_line()
    {
        var ndx = Ndx.Replace("atmVol", "vol", StringComparison.Ordinal);

        InputAssert.FailsAt(() => MarketSnapshotJson.Parse(Json([Spx, ndx]), FileName), FileName, 7, "underlyings[1].vol");
    }

    [Fact]
    public void Unknown_correlation_key_names_it_and_its_line()
    {
        var correlation = """
            {
                "ids": ["SPX", "NDX"],
                "matrix": [[1, 0.5], [0.5, 1]],
                "order": "row-major"
              }
            """;

        InputAssert.FailsAt(() => MarketSnapshotJson.Parse(Json([Spx, Ndx], correlation), FileName), FileName, 12, "correlation.order");
    }

    [Fact]
    public void Correlation_naming_an_unknown_underlying_names_the_id()
    {
        var correlation = """
            {
                "ids": ["SPX",
                        "VIX"],
                "matrix": [[1, 0.5], [0.5, 1]]
              }
            """;

        InputAssert.FailsAt(() => MarketSnapshotJson.Parse(Json([Spx, Ndx], correlation), FileName), FileName, 11, "correlation.ids[1]");
    }

    [Fact]
    public void Correlation_outside_unit_interval_names_the_pair()
    {
        var correlation = """
            {
                "ids": ["SPX", "NDX"],
                "matrix": [[1, 1.2], [1.2, 1]]
              }
            """;

        var error = InputAssert.FailsAt(() => MarketSnapshotJson.Parse(Json([Spx, Ndx], correlation), FileName), FileName, 11, "correlation.matrix");

        Assert.Contains("(SPX, NDX)", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Asymmetric_correlation_names_the_pair()
    {
        var correlation = """
            {
                "ids": ["SPX", "NDX"],
                "matrix": [[1, 0.5], [0.4, 1]]
              }
            """;

        var error = InputAssert.FailsAt(() => MarketSnapshotJson.Parse(Json([Spx, Ndx], correlation), FileName), FileName, 11, "correlation.matrix");

        Assert.Contains("not symmetric", error.Problem, StringComparison.Ordinal);
        Assert.Contains("(SPX, NDX)", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Correlation_that_is_not_positive_semi_definite_names_the_eigenvalue()
    {
        // Each pair is a valid correlation, but SPX~NDX and NDX~RUT at 0.9 cannot coexist with SPX~RUT at −0.9.
        var correlation = """
            {
                "ids": ["SPX", "NDX", "RUT"],
                "matrix": [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]
              }
            """;

        var error = InputAssert.FailsAt(() => MarketSnapshotJson.Parse(Json([Spx, Ndx, Rut], correlation), FileName), FileName, 12, "correlation.matrix");

        Assert.Contains("eigenvalue is -", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Correlation_row_of_the_wrong_length_names_the_row()
    {
        var correlation = """
            {
                "ids": ["SPX", "NDX"],
                "matrix": [
                  [1, 0.5],
                  [0.5]
                ]
              }
            """;

        InputAssert.FailsAt(() => MarketSnapshotJson.Parse(Json([Spx, Ndx], correlation), FileName), FileName, 13, "correlation.matrix[1]");
    }

    [Fact]
    public void Empty_file_names_the_whole_file()
    {
        InputAssert.FailsAt(() => MarketSnapshotJson.Parse("", FileName), FileName, 0, "");
    }

    [Fact]
    public void Malformed_json_names_the_line()
    {
        var text = Json().Replace("""  "currency": "USD",""", """  "currency": "USD" """, StringComparison.Ordinal);

        InputAssert.FailsAt(() => MarketSnapshotJson.Parse(text, FileName), FileName, 4, "");
    }

    [Fact]
    public void Key_given_twice_names_the_second()
    {
        var spx = Spx.Replace(" }", """, "spot": 5100 }""", StringComparison.Ordinal);

        InputAssert.FailsAt(() => MarketSnapshotJson.Parse(Json([Ndx, spx]), FileName), FileName, 7, "underlyings[1].spot");
    }

    [Fact]
    public void Non_numeric_spot_names_line_and_field()
    {
        var ndx = Ndx.Replace("18000", "\"18,000\"", StringComparison.Ordinal);

        InputAssert.FailsAt(() => MarketSnapshotJson.Parse(Json([Spx, ndx]), FileName), FileName, 7, "underlyings[1].spot");
    }
}
