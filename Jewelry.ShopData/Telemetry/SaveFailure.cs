using Microsoft.EntityFrameworkCore;

namespace Jewelry.ShopData.Telemetry;

/// <summary>Why a save failed, as a transition span's <c>error.type</c> and status description.</summary>
internal sealed record SaveFailure(string Type, string Message)
{
    public static readonly SaveFailure Concurrency = new(
        typeof(DbUpdateConcurrencyException).FullName!, "another writer changed the order after it was read");

    public static readonly SaveFailure Canceled = new(typeof(OperationCanceledException).FullName!, "the save was canceled");

    public static SaveFailure From(Exception exception) => new(exception.GetType().FullName!, exception.Message);
}
