using Blazor.Diagrams.Core.Geometry;
using KitchenWorkflows.Studio.Diagrams;

namespace KitchenWorkflows.Studio.Tests.Diagrams;

/// <summary>The fit keeps titles readable on a big flow and does not blow a small one up.</summary>
public sealed class FlowViewTests
{
    private static readonly Size Canvas = new(1070, 900);

    [Fact]
    public void Fit_FlowWiderThanTheCanvas_StaysAtTheReadableMinimumWithTheStartInView()
    {
        var (zoom, pan) = FlowView.Fit([new Rectangle(40, 40, 280, 120), new Rectangle(2600, 790, 2840, 870)], Canvas);

        Assert.Equal(FlowView.MinimumReadableZoom, zoom);
        Assert.Equal(FlowView.Margin, pan.X + (40 * zoom), 6);
        // The height fits at that zoom, so the flow is centred vertically.
        Assert.Equal((Canvas.Height - (830 * zoom)) / 2, pan.Y + (40 * zoom), 6);
    }

    [Fact]
    public void Fit_OneNode_NaturalSizeAndCentred()
    {
        var (zoom, pan) = FlowView.Fit([new Rectangle(100, 100, 340, 180)], Canvas);

        Assert.Equal(FlowView.MaximumFitZoom, zoom);
        Assert.Equal(new Point((Canvas.Width - 240) / 2 - 100, (Canvas.Height - 80) / 2 - 100), pan);
    }

    [Fact]
    public void Fit_FlowBetweenTheBounds_ShowsAllOfItWithinTheMargins()
    {
        var (zoom, pan) = FlowView.Fit([new Rectangle(0, 0, 240, 80), new Rectangle(1000, 300, 1240, 380)], Canvas);

        Assert.Equal((Canvas.Width - (2 * FlowView.Margin)) / 1240, zoom, 6);
        Assert.Equal(FlowView.Margin, pan.X, 6);
    }
}
