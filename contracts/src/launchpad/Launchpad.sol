// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {BondingCurve} from "./BondingCurve.sol";
import {ILaunchpad} from "./ILaunchpad.sol";
import {IUniswapV2Factory} from "./IUniswapV2Factory.sol";
import {IUniswapV2Pair} from "./IUniswapV2Pair.sol";
import {IWETH} from "./IWETH.sol";
import {LaunchpadConfig} from "./LaunchpadConfig.sol";
import {LaunchpadToken} from "./LaunchpadToken.sol";

/// @title Launchpad
/// @notice pump.fun on an EVM chain. See {ILaunchpad}. Tokens have 18 decimals (pump.fun's have 6): the figures
///         below are whole tokens times 1e18. The curve's coin stays in this contract, accounted per token as the
///         real ETH reserve; fees are sent to the fee recipient in the trade. The buy that sells the last curve
///         token completes the curve and migrates it in the same transaction: the coin raised (less the
///         migration fee) is wrapped and, with the 206,900,000 reserved tokens, minted into the token's Uniswap V2
///         pair, the LP tokens going to {LP_BURN_ADDRESS}.
contract Launchpad is LaunchpadConfig, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Tokens minted per launch.
    uint256 public constant TOTAL_SUPPLY = 1_000_000_000e18;

    /// @notice Virtual coin reserve of a new curve.
    uint128 public constant INITIAL_VIRTUAL_ETH_RESERVE = 30 ether;

    /// @notice Virtual token reserve of a new curve.
    uint128 public constant INITIAL_VIRTUAL_TOKEN_RESERVE = 1_073_000_000e18;

    /// @notice Tokens sold on the curve.
    uint128 public constant INITIAL_REAL_TOKEN_RESERVE = 793_100_000e18;

    /// @notice Tokens kept for the Uniswap V2 pool: 206,900,000.
    uint256 public constant MIGRATION_TOKEN_AMOUNT = TOTAL_SUPPLY - INITIAL_REAL_TOKEN_RESERVE;

    /// @notice Where the migration's LP tokens go. Not address(0), where Uniswap V2 already locks its first 1000
    ///         LP units: the conventional dead address keeps the launchpad's burn apart in logs and explorers.
    ///         Nobody holds its key, so the liquidity can never be withdrawn.
    address public constant LP_BURN_ADDRESS = 0x000000000000000000000000000000000000dEaD;

    IUniswapV2Factory private immutable _factory;
    IWETH private immutable _weth;
    mapping(address token => BondingCurve.Curve) private _curves;

    /// @param factory_ Uniswap V2 factory the curves migrate to.
    /// @param weth_ Wrapped native coin, the pairs' other token.
    /// @param owner_ Who may change the fees.
    /// @param feeRecipient_ Where fees go.
    /// @param feeBps_ Trading fee in basis points (pump.fun: 100, i.e. 1%).
    constructor(IUniswapV2Factory factory_, IWETH weth_, address owner_, address feeRecipient_, uint16 feeBps_)
        LaunchpadConfig(owner_, feeRecipient_, feeBps_)
    {
        if (address(factory_) == address(0) || address(weth_) == address(0)) revert Launchpad_ZeroAddress();
        _factory = factory_;
        _weth = weth_;
    }

    /// @inheritdoc ILaunchpad
    function launch(string calldata name, string calldata symbol, uint256 minTokensOut)
        external
        payable
        nonReentrant
        returns (address token)
    {
        if (bytes(name).length == 0 || bytes(symbol).length == 0) revert Launchpad_EmptyNameOrSymbol();
        if (msg.value == 0 && minTokensOut != 0) revert Launchpad_Slippage(0, minTokensOut);
        LaunchpadToken created = new LaunchpadToken(name, symbol, TOTAL_SUPPLY, _factory, address(_weth));
        token = address(created);
        _curves[token] = BondingCurve.Curve({
            virtualEthReserve: INITIAL_VIRTUAL_ETH_RESERVE,
            virtualTokenReserve: INITIAL_VIRTUAL_TOKEN_RESERVE,
            realEthReserve: 0,
            realTokenReserve: INITIAL_REAL_TOKEN_RESERVE,
            complete: false
        });
        emit TokenLaunched(
            token,
            msg.sender,
            created.pair(),
            name,
            symbol,
            TOTAL_SUPPLY,
            INITIAL_VIRTUAL_ETH_RESERVE,
            INITIAL_VIRTUAL_TOKEN_RESERVE,
            INITIAL_REAL_TOKEN_RESERVE
        );
        if (msg.value != 0) _buy(token, minTokensOut);
    }

    /// @inheritdoc ILaunchpad
    function buy(address token, uint256 minTokensOut, uint256 deadline)
        external
        payable
        nonReentrant
        returns (uint256 tokensOut)
    {
        _checkDeadline(deadline);
        return _buy(token, minTokensOut);
    }

    /// @inheritdoc ILaunchpad
    function sell(address token, uint256 tokenAmount, uint256 minEthOut, uint256 deadline)
        external
        nonReentrant
        returns (uint256 ethOut)
    {
        _checkDeadline(deadline);
        BondingCurve.Curve storage c = _activeCurve(token);
        if (tokenAmount == 0) revert Launchpad_ZeroAmount();
        (uint256 grossOut, uint256 fee) = BondingCurve.quoteSell(c, tokenAmount, feeBps());
        if (grossOut == 0) revert Launchpad_ZeroAmount();
        ethOut = grossOut - fee;
        if (ethOut < minEthOut) revert Launchpad_Slippage(ethOut, minEthOut);

        BondingCurve.applySell(c, tokenAmount, grossOut);
        _emitTraded(token, c, false, grossOut, tokenAmount, fee);

        IERC20(token).safeTransferFrom(msg.sender, address(this), tokenAmount);
        _sendEth(feeRecipient(), fee);
        _sendEth(msg.sender, ethOut);
    }

    /// @inheritdoc ILaunchpad
    function quoteBuy(address token, uint256 ethIn)
        external
        view
        nonReentrantView
        returns (uint256 tokensOut, uint256 fee, uint256 refund)
    {
        BondingCurve.BuyQuote memory q = BondingCurve.quoteBuy(_activeCurve(token), ethIn, feeBps());
        return (q.tokensOut, q.fee, q.refund);
    }

    /// @inheritdoc ILaunchpad
    function quoteSell(address token, uint256 tokensIn)
        external
        view
        nonReentrantView
        returns (uint256 ethOut, uint256 fee)
    {
        (uint256 grossOut, uint256 fee_) = BondingCurve.quoteSell(_activeCurve(token), tokensIn, feeBps());
        return (grossOut - fee_, fee_);
    }

    /// @inheritdoc ILaunchpad
    function curve(address token) external view nonReentrantView returns (BondingCurve.Curve memory) {
        return _launchedCurve(token);
    }

    /// @notice The Uniswap V2 factory the curves migrate to.
    function factory() external view returns (IUniswapV2Factory) {
        return _factory;
    }

    /// @notice The wrapped native coin the pairs hold.
    function weth() external view returns (IWETH) {
        return _weth;
    }

    /// @dev Buys with `msg.value`: state first, then the token out, the migration if the curve sold out, and
    ///      last the coin sends to the fee recipient and the buyer (the only calls to untrusted code).
    function _buy(address token, uint256 minTokensOut) private returns (uint256) {
        BondingCurve.Curve storage c = _activeCurve(token);
        if (msg.value == 0) revert Launchpad_ZeroAmount();
        BondingCurve.BuyQuote memory q = BondingCurve.quoteBuy(c, msg.value, feeBps());
        if (q.tokensOut == 0) revert Launchpad_ZeroAmount();
        if (q.tokensOut < minTokensOut) revert Launchpad_Slippage(q.tokensOut, minTokensOut);

        BondingCurve.applyBuy(c, q.ethIn, q.tokensOut);
        _emitTraded(token, c, true, q.ethIn, q.tokensOut, q.fee);
        bool completed = c.realTokenReserve == 0;
        if (completed) {
            c.complete = true;
            emit CurveCompleted(token);
        }

        IERC20(token).safeTransfer(msg.sender, q.tokensOut);
        if (completed) _migrate(token, c);
        _sendEth(feeRecipient(), q.fee);
        _sendEth(msg.sender, q.refund);
        return q.tokensOut;
    }

    /// @dev Moves the coin raised (less the migration fee) as WETH and the reserved tokens into the token's pair
    ///      and mints the LP tokens to the burn address. The token refused transfers to the pair until now, so no
    ///      LP tokens exist yet and the mint cannot fail or be front-run: the pool opens at the curve's last price.
    ///      WETH a griefer donated to the pair beforehand (synced or not) just adds to the pool.
    function _migrate(address token, BondingCurve.Curve storage c) private {
        uint256 fee = migrationFee();
        uint256 ethAmount = c.realEthReserve - fee;
        c.realEthReserve = 0;
        address pair = LaunchpadToken(token).pair();

        _weth.deposit{value: ethAmount}();
        IERC20(address(_weth)).safeTransfer(pair, ethAmount);
        LaunchpadToken(token).openPair();
        IERC20(token).safeTransfer(pair, MIGRATION_TOKEN_AMOUNT);
        uint256 liquidity = IUniswapV2Pair(pair).mint(LP_BURN_ADDRESS);
        emit Migrated(token, pair, ethAmount, MIGRATION_TOKEN_AMOUNT, liquidity);
        _sendEth(feeRecipient(), fee);
    }

    function _emitTraded(
        address token,
        BondingCurve.Curve storage c,
        bool isBuy,
        uint256 ethAmount,
        uint256 tokenAmount,
        uint256 fee
    ) private {
        emit Traded(
            token,
            msg.sender,
            isBuy,
            ethAmount,
            tokenAmount,
            fee,
            c.virtualEthReserve,
            c.virtualTokenReserve,
            c.realEthReserve,
            c.realTokenReserve
        );
    }

    function _sendEth(address to, uint256 amount) private {
        if (amount == 0) return;
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert Launchpad_EthTransferFailed(to, amount);
    }

    function _activeCurve(address token) private view returns (BondingCurve.Curve storage c) {
        c = _launchedCurve(token);
        if (c.complete) revert Launchpad_CurveComplete(token);
    }

    function _launchedCurve(address token) private view returns (BondingCurve.Curve storage c) {
        c = _curves[token];
        if (c.virtualTokenReserve == 0) revert Launchpad_UnknownToken(token);
    }

    function _checkDeadline(uint256 deadline) private view {
        // The deadline guards against a trade that waited in the mempool, a coarse bound a validator cannot stretch.
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp > deadline) revert Launchpad_Expired(deadline);
    }
}
