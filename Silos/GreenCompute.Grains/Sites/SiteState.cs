namespace GreenCompute.Grains.Sites;

/// <summary>The site grain's persisted state.</summary>
public sealed class SiteState
{
    public SiteRegistration? Registration { get; set; }
}
