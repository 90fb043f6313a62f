using Jewelry.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Jewelry.Tests.ServiceDefaults;

[Trait("Category", "Unit")]
public sealed class ProblemDetailsDefaultsTests
{
    private static string? Filled(ProblemDetails problem, string method = "GET", string path = "/api/orders/x")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        var problemContext = new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem };
        ProblemDetailsDefaults.FillDetail(problemContext);
        return problemContext.ProblemDetails.Detail;
    }

    [Fact]
    public void A_detail_that_was_given_is_kept()
        => Assert.Equal("Order 1 is CLOSED.", Filled(new ProblemDetails { Status = 409, Detail = "Order 1 is CLOSED." }));

    [Fact]
    public void A_validation_problem_names_each_field_and_what_is_wrong()
        => Assert.Equal(
            "limit: Between 1 and 200. customerId: Required. Too long.",
            Filled(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["limit"] = ["Between 1 and 200."], ["customerId"] = ["Required.", "Too long."] })));

    [Fact]
    public void A_framework_404_says_what_was_asked_for()
        => Assert.Equal(
            "Nothing answers POST /api/orders/not-an-id/submit as sent: check the path, the method and the Content-Type.",
            Filled(new ProblemDetails { Status = 404 }, "POST", "/api/orders/not-an-id/submit"));

    [Fact]
    public void A_server_error_says_it_is_not_the_client_s_fault()
        => Assert.StartsWith("The server failed to answer this request; it is not the request's fault.", Filled(new ProblemDetails { Status = 500 }), StringComparison.Ordinal);
}
