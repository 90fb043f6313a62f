using Jewelry.Contracts.Orders;
using Jewelry.ShopData.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jewelry.ShopData.Http;

/// <summary>The problem details both APIs answer for an order they cannot find or change.</summary>
public static class OrderProblems
{
    public static ProblemHttpResult NotFound(Guid orderId)
        => TypedResults.Problem(
            title: "Order not found",
            detail: $"There is no order {orderId}.",
            statusCode: StatusCodes.Status404NotFound);

    /// <summary>409 with <see cref="OrderLifecycle.DescribeRefusal"/> as the detail.</summary>
    public static ProblemHttpResult TransitionRefused(OrderTransitionRefusedException refusal)
        => StatusConflict(refusal.Current, refusal.Message);

    /// <summary>409 for a request the order's current status does not allow.</summary>
    public static ProblemHttpResult StatusConflict(OrderStatus current, string detail)
        => TypedResults.Problem(
            title: "The order's status does not allow this",
            detail: detail,
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["orderStatus"] = current.ToName() });

    /// <summary>409 when someone else changed the order between our read and our write (its xmin moved).</summary>
    public static ProblemHttpResult ConcurrentChange(Guid orderId)
        => TypedResults.Problem(
            title: "The order changed meanwhile",
            detail: $"Order {orderId} was changed by another request at the same time; nothing was changed by this one. Read the order and try again.",
            statusCode: StatusCodes.Status409Conflict);
}
