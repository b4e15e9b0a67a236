// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @notice ERC-20 with EIP-2612 permit, increaseAllowance, a public mint, and a record of every address that
///         received tokens from `watched` (the Safe) or was approved by it, for the invariant suite.
contract VaultToken is ERC20Permit {
    address public watched;
    address[] internal _receivers;

    constructor(string memory name) ERC20(name, name) ERC20Permit(name) {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function watch(address account) external {
        watched = account;
    }

    function receivers() external view returns (address[] memory) {
        return _receivers;
    }

    function receiverCount() external view returns (uint256) {
        return _receivers.length;
    }

    function receiverAt(uint256 i) external view returns (address) {
        return _receivers[i];
    }

    function increaseAllowance(address spender, uint256 added) external returns (bool) {
        _approve(msg.sender, spender, allowance(msg.sender, spender) + added);
        return true;
    }

    function _update(address from, address to, uint256 value) internal virtual override {
        if (from == watched && from != address(0) && value != 0) _receivers.push(to);
        super._update(from, to, value);
    }

    function _approve(address owner, address spender, uint256 value, bool emitEvent) internal virtual override {
        if (owner == watched && owner != address(0) && value != 0) _receivers.push(spender);
        super._approve(owner, spender, value, emitEvent);
    }
}

/// @notice A token that takes `extra` more from the sender than it says on every transfer (a hidden outflow).
contract SkimmingToken is VaultToken {
    address public immutable skimmer;
    uint256 public extra;

    constructor(address skimmer_, uint256 extra_) VaultToken("Skim") {
        skimmer = skimmer_;
        extra = extra_;
    }

    function transfer(address to, uint256 value) public override(ERC20) returns (bool) {
        _transfer(msg.sender, skimmer, extra);
        return super.transfer(to, value);
    }
}

/// @notice A token that calls back the recipient after each transfer (ERC-777 style hook), so the recipient can
///         try to reenter.
contract HookToken is VaultToken {
    constructor() VaultToken("Hook") {}

    function transfer(address to, uint256 value) public override(ERC20) returns (bool) {
        bool ok = super.transfer(to, value);
        if (to.code.length != 0) IHookReceiver(to).onTokenReceived(msg.sender, value);
        return ok;
    }
}

interface IHookReceiver {
    function onTokenReceived(address from, uint256 value) external;
}

/// @notice A recipient that reenters with a call it was given when tokens or ether arrive.
contract Reenterer is IHookReceiver {
    address public target;
    bytes public payload;
    bool public reverted;
    bytes public reason;

    function arm(address target_, bytes calldata payload_) external {
        target = target_;
        payload = payload_;
    }

    function onTokenReceived(address, uint256) external {
        _reenter();
    }

    receive() external payable {
        _reenter();
    }

    function _reenter() private {
        if (target == address(0)) return;
        address t = target;
        target = address(0);
        (bool ok, bytes memory r) = t.call(payload);
        reverted = !ok;
        reason = r;
        // swallow: the outer call must decide on its own
    }
}

/// @notice A DEX-like target: `swap` pulls `amountIn` of `tokenIn` from the caller through its allowance and
///         pays nothing; `drain` pulls `amount` of `token` from `from` (approve-then-drain).
contract PullTarget {
    function swap(address tokenIn, uint256 amountIn, address to) external {
        ERC20(tokenIn).transferFrom(msg.sender, to, amountIn);
    }

    function drain(address token, address from, address to, uint256 amount) external {
        ERC20(token).transferFrom(from, to, amount);
    }

    function ping() external payable {}
}

/// @notice Minimal Permit2 stand-in at the canonical address: `approve` records an allowance readable with
///         `allowance(owner, token, spender)`.
contract MockPermit2 {
    mapping(address => mapping(address => mapping(address => uint160))) internal _allowances;

    function approve(address token, address spender, uint160 amount, uint48) external {
        _allowances[msg.sender][token][spender] = amount;
    }

    function allowance(address owner, address token, address spender)
        external
        view
        returns (uint160 amount, uint48 expiration, uint48 nonce)
    {
        return (_allowances[owner][token][spender], 0, 0);
    }

    function lockdown(bytes calldata) external {}
}
