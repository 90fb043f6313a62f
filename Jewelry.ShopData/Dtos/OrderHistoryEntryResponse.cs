namespace Jewelry.ShopData.Dtos;

/// <summary>One status change; <see cref="From"/> is null for the order's creation.</summary>
public sealed record OrderHistoryEntryResponse(string? From, string To, DateTimeOffset At, string Source);
