using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace GreenCompute.Web.Live;

/// <summary>Renders a Razor component to an HTML string: the same component serves the page and its live updates.</summary>
internal sealed class FragmentRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }
}
