using System.Diagnostics;
using Jewelry.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Jewelry.Tests.ServiceDefaults;

public sealed class HttpServerActivityEnricherTests
{
    private static DefaultHttpContext RequestMatching(string method, string? routePattern)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (routePattern is not null)
        {
            context.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse(routePattern), 0, null, null));
        }

        return context;
    }

    [Fact]
    public void Names_the_span_after_the_route_and_records_the_status()
    {
        using var activity = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn");

        HttpServerActivityEnricher.Complete(activity, RequestMatching("POST", "/orders/{id:guid}/submit"), 202, exception: null);

        Assert.Equal("POST /orders/{id:guid}/submit", activity.DisplayName);
        Assert.Equal("/orders/{id:guid}/submit", activity.GetTagItem("http.route"));
        Assert.Equal(202, activity.GetTagItem("http.response.status_code"));
        Assert.Null(activity.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }

    [Fact]
    public void A_request_no_route_matched_is_named_by_its_method_only()
    {
        using var activity = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn");

        HttpServerActivityEnricher.Complete(activity, RequestMatching("GET", routePattern: null), 404, exception: null);

        Assert.Equal("GET", activity.DisplayName);
        Assert.Null(activity.GetTagItem("http.route"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }

    [Fact]
    public void A_server_error_records_the_exception_type_and_an_error_status()
    {
        using var activity = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn");

        HttpServerActivityEnricher.Complete(activity, RequestMatching("GET", "/orders"), 500, new InvalidOperationException("kaboom"));

        Assert.Equal("System.InvalidOperationException", activity.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("kaboom", activity.StatusDescription);
    }

    [Fact]
    public void A_handled_exception_keeps_the_route_the_request_matched()
    {
        using var activity = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn");
        var matched = RequestMatching("GET", "/orders/{id}");
        var exception = new InvalidOperationException("kaboom");
        var context = RequestMatching("GET", routePattern: null);
        context.Features.Set<IExceptionHandlerFeature>(new ExceptionHandlerFeature { Error = exception, Endpoint = matched.GetEndpoint(), Path = "/orders/7" });

        HttpServerActivityEnricher.Complete(activity, context, 500, exception);

        Assert.Equal("GET /orders/{id}", activity.DisplayName);
        Assert.Equal("/orders/{id}", activity.GetTagItem("http.route"));
    }

    [Fact]
    public void A_server_error_without_an_exception_records_the_status_code()
    {
        using var activity = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn");

        HttpServerActivityEnricher.Complete(activity, RequestMatching("GET", "/orders"), 503, exception: null);

        Assert.Equal("503", activity.GetTagItem("error.type"));
        Assert.Equal("Service Unavailable", activity.StatusDescription);
    }
}
